namespace MLCourse.Normalization;

/// <summary>
/// Where a residual block puts its LayerNorm (<see cref="ResidualStack"/>). Introduced in notebook 04
/// (04-batch-normalization, pre-norm vs post-norm).
/// </summary>
public enum NormPlacement
{
    /// <summary>x_{l+1} = x_l + F_l(LN(x_l)), with one final LN on top of the stack (GPT-2, LLaMA and most LLMs).</summary>
    PreNorm,

    /// <summary>x_{l+1} = LN(x_l + F_l(x_l)), normalising after every residual addition (the original Transformer).</summary>
    PostNorm,
}
