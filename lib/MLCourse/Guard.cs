using MathNet.Numerics.LinearAlgebra;

namespace MLCourse;

/// <summary>
/// Argument validation shared by the library. Every failure is an <see cref="ArgumentException"/> (or a subclass)
/// whose <see cref="ArgumentException.ParamName"/> is the caller's argument name and whose message states the rule,
/// the value received and, for shape errors, both shapes.
/// </summary>
internal static class Guard
{
    /// <summary>Formats a matrix shape the way the course writes shapes: <c>3×4</c>.</summary>
    public static string Shape(Matrix<double> m) => $"{m.RowCount}×{m.ColumnCount}";

    public static void Finite(double value, string name)
    {
        if (!double.IsFinite(value))
            throw new ArgumentOutOfRangeException(name, value, $"{name} must be a finite number, got {value}.");
    }

    public static void Positive(double value, string name)
    {
        if (!(value > 0) || double.IsPositiveInfinity(value))
            throw new ArgumentOutOfRangeException(name, value, $"{name} must be a finite number > 0, got {value}.");
    }

    public static void NonNegative(double value, string name)
    {
        if (!(value >= 0) || double.IsPositiveInfinity(value))
            throw new ArgumentOutOfRangeException(name, value, $"{name} must be a finite number ≥ 0, got {value}.");
    }

    public static void Positive(int value, string name)
    {
        if (value <= 0)
            throw new ArgumentOutOfRangeException(name, value, $"{name} must be ≥ 1, got {value}.");
    }

    public static void NonNegative(int value, string name)
    {
        if (value < 0)
            throw new ArgumentOutOfRangeException(name, value, $"{name} must be ≥ 0, got {value}.");
    }

    /// <summary>Checks <paramref name="min"/> ≤ <paramref name="value"/> ≤ <paramref name="max"/>.</summary>
    public static void InRange(double value, double min, double max, string name)
    {
        if (!(value >= min && value <= max))
            throw new ArgumentOutOfRangeException(name, value, $"{name} must be in [{min}, {max}], got {value}.");
    }

    /// <summary>Checks <paramref name="min"/> ≤ <paramref name="value"/> &lt; <paramref name="maxExclusive"/>.</summary>
    public static void InRangeHalfOpen(double value, double min, double maxExclusive, string name)
    {
        if (!(value >= min && value < maxExclusive))
            throw new ArgumentOutOfRangeException(name, value, $"{name} must be in [{min}, {maxExclusive}), got {value}.");
    }

    /// <summary>
    /// Checks that one id (a token, word, item, row or layer index) lies in [0, <paramref name="count"/>);
    /// <paramref name="what"/> says where the bound comes from.
    /// </summary>
    public static void Id(int id, int count, string name, string what)
    {
        if (id < 0 || id >= count)
            throw new ArgumentOutOfRangeException(name, id, $"{name} must be in [0, {count}) ({what}), got {id}.");
    }

    /// <summary>
    /// Checks that every entry of <paramref name="ids"/> (token ids, class indices) lies in [0, <paramref name="count"/>);
    /// the message names the first offending index and value, and <paramref name="what"/> says where the bound comes from.
    /// </summary>
    public static void Ids(IReadOnlyList<int> ids, int count, string name, string what)
    {
        ArgumentNullException.ThrowIfNull(ids, name);
        for (var i = 0; i < ids.Count; i++)
            if (ids[i] < 0 || ids[i] >= count)
                throw new ArgumentOutOfRangeException(name, ids[i], $"{name}[{i}] = {ids[i]} is not in [0, {count}) ({what}).");
    }

    /// <summary>Checks that <paramref name="counts"/> (word counts, say) are all ≥ 0 and not all 0; the message names the first negative entry.</summary>
    public static void Counts(IReadOnlyList<int> counts, string name)
    {
        ArgumentNullException.ThrowIfNull(counts, name);
        for (var i = 0; i < counts.Count; i++)
            if (counts[i] < 0) throw new ArgumentOutOfRangeException(name, counts[i], $"{name}[{i}] = {counts[i]} is negative.");
        if (counts.All(c => c == 0)) throw new ArgumentException($"{name} are all 0 (or empty): there is no distribution.", name);
    }

    /// <summary>As <see cref="Ids"/> for pairs of ids (word pairs, row pairs): both entries of every pair in [0, <paramref name="count"/>).</summary>
    public static void IdPairs(IReadOnlyList<(int First, int Second)> pairs, int count, string name, string what)
    {
        ArgumentNullException.ThrowIfNull(pairs, name);
        for (var p = 0; p < pairs.Count; p++)
            if (pairs[p].First < 0 || pairs[p].First >= count || pairs[p].Second < 0 || pairs[p].Second >= count)
                throw new ArgumentOutOfRangeException(name, $"{name}[{p}] = {pairs[p]} has an id outside [0, {count}) ({what}).");
    }

    public static void NotEmpty(Vector<double> v, string name)
    {
        ArgumentNullException.ThrowIfNull(v, name);
        if (v.Count == 0) throw new ArgumentException($"{name} must not be empty.", name);
    }

    /// <summary>
    /// Checks that <paramref name="p"/> is a probability distribution: not empty, every entry finite and ≥ 0, summing to 1
    /// (±1e-9). The message names the first bad entry or the sum.
    /// </summary>
    public static void Distribution(Vector<double> p, string name)
    {
        NotEmpty(p, name);
        for (var i = 0; i < p.Count; i++)
            if (!(p[i] >= 0) || double.IsPositiveInfinity(p[i]))
                throw new ArgumentException($"{name} must be a probability distribution, but {name}[{i}] = {p[i]} is not a finite number ≥ 0.", name);
        var sum = p.Sum();
        if (Math.Abs(sum - 1) > 1e-9)
            throw new ArgumentException($"{name} must be a probability distribution summing to 1, but it sums to {sum:R}.", name);
    }

    /// <summary>
    /// Checks that every row of <paramref name="m"/> is a probability distribution (a row-stochastic matrix, such as a
    /// Markov chain's transitions): entries finite and ≥ 0, each row summing to 1 (±1e-9). The message names the shape
    /// and the first bad row.
    /// </summary>
    public static void RowStochastic(Matrix<double> m, string name)
    {
        ArgumentNullException.ThrowIfNull(m, name);
        for (var i = 0; i < m.RowCount; i++)
        {
            var row = m.Row(i);
            var bad = row.Find(x => !(x >= 0) || double.IsPositiveInfinity(x));
            if (bad is not null)
                throw new ArgumentException($"{name} ({Shape(m)}) row {i} has the entry {bad.Item2} at column {bad.Item1}: probabilities must be finite and ≥ 0.", name);
            if (Math.Abs(row.Sum() - 1) > 1e-9)
                throw new ArgumentException($"{name} ({Shape(m)}) row {i} sums to {row.Sum():R}, not 1 (±1e-9): each row must be a probability distribution.", name);
        }
    }

    public static void SameLength(Vector<double> a, string nameA, Vector<double> b, string nameB)
    {
        ArgumentNullException.ThrowIfNull(a, nameA);
        ArgumentNullException.ThrowIfNull(b, nameB);
        SameLength(a.Count, nameA, b.Count, nameB);
    }

    /// <summary>Checks two sequences' lengths agree; the exception names <paramref name="nameB"/> and states both lengths.</summary>
    public static void SameLength(int lengthA, string nameA, int lengthB, string nameB)
    {
        if (lengthA != lengthB)
            throw new ArgumentException(
                $"{nameA} has length {lengthA} but {nameB} has length {lengthB}: they must have the same length.", nameB);
    }

    public static void SameShape(Matrix<double> a, string nameA, Matrix<double> b, string nameB)
    {
        ArgumentNullException.ThrowIfNull(a, nameA);
        ArgumentNullException.ThrowIfNull(b, nameB);
        if (a.RowCount != b.RowCount || a.ColumnCount != b.ColumnCount)
            throw new ArgumentException(
                $"{nameA} is {Shape(a)} but {nameB} is {Shape(b)}: they must have the same shape.", nameB);
    }

    /// <summary>Checks that a vector has <paramref name="length"/> entries (a state of a layer's width, say); the message states both lengths.</summary>
    public static void Length(Vector<double> v, int length, string name, string what)
    {
        ArgumentNullException.ThrowIfNull(v, name);
        if (v.Count != length)
            throw new ArgumentException($"{name} has length {v.Count} but must have length {length} ({what}).", name);
    }

    /// <summary>Checks that a matrix has <paramref name="columns"/> columns (a feature dimension, say).</summary>
    public static void Columns(Matrix<double> m, int columns, string name, string what)
    {
        ArgumentNullException.ThrowIfNull(m, name);
        if (m.ColumnCount != columns)
            throw new ArgumentException($"{name} is {Shape(m)} but must have {columns} columns ({what}).", name);
    }
}
