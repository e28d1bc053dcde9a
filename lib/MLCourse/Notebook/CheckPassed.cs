namespace MLCourse.Notebook;

/// <summary>
/// The record a passing <see cref="Check"/> displays: one line, "✔ claim (detail)". The headless runner counts the
/// displayed values of this type to report how many checks each notebook passed, so its full name
/// (<c>MLCourse.Notebook.CheckPassed</c>) is part of the runner's contract.
/// </summary>
/// <param name="Claim">The claim, as written in the notebook.</param>
/// <param name="Detail">The evidence: the actual value and what it was compared with.</param>
public sealed record CheckPassed(string Claim, string Detail)
{
    /// <summary>The one-line plain-text form, e.g. <c>✔ rows sum to 1 (max |Σ−1| = 2.2e-16 ≤ 1e-12)</c>.</summary>
    public override string ToString() => Detail.Length == 0 ? $"✔ {Claim}" : $"✔ {Claim} ({Detail})";
}
