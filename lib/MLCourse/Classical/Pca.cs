using MathNet.Numerics.LinearAlgebra;
using MLCourse.Numerics;

namespace MLCourse.Classical;

/// <summary>
/// Principal component analysis, as <c>sklearn.decomposition.PCA(n_components=components, svd_solver="full")</c>:
/// centre the n×p data (X_c = X − x̄), take its thin SVD X_c = U·diag(s)·Vᵀ, and keep the first k right singular vectors
/// as the components. They are the eigenvectors of the sample covariance Σ = X_cᵀX_c/(n − 1) = V·diag(s²/(n − 1))·Vᵀ,
/// the orthogonal directions of largest variance, and the variance along component i is s_i²/(n − 1).
/// Introduced in notebook 16 (classical models).
/// </summary>
/// <remarks>
/// <para>Sign convention: a singular vector is determined only up to its sign. As scikit-learn 1.2's <c>svd_flip</c>
/// (with <c>u_based_decision=True</c>, the version the golden tests come from), each component is oriented so that the
/// entry of largest magnitude in its column of U is positive, i.e. the training sample with the largest |score| on that
/// component gets a positive score (the first such sample on a tie). Later scikit-learn versions may orient components
/// by their own largest entry instead, so compare with those up to sign.</para>
/// <para>Range: 1 ≤ components ≤ min(n, p); n ≥ 2 samples (the variance divides by n − 1). With n ≤ p the centred data
/// have rank at most n − 1, so a component beyond that has variance 0 and an arbitrary direction.</para>
/// </remarks>
public sealed class Pca
{
    private Matrix<double>? axes;
    private Vector<double>? mean, singularValues, explainedVariance, explainedVarianceRatio;

    /// <summary>Configures a PCA that keeps <paramref name="components"/> components; call <see cref="Fit"/> next.</summary>
    /// <exception cref="ArgumentOutOfRangeException">components &lt; 1.</exception>
    public Pca(int components)
    {
        Guard.Positive(components, nameof(components));
        ComponentCount = components;
    }

    /// <summary>The number k of components kept (scikit-learn's <c>n_components</c>).</summary>
    public int ComponentCount { get; }

    /// <summary>The k×p principal axes, one unit-length row per component, in decreasing order of variance (<c>components_</c>).</summary>
    /// <exception cref="InvalidOperationException">Before <see cref="Fit"/>.</exception>
    public Matrix<double> Components => axes?.Clone() ?? throw NotFitted();

    /// <summary>The variance of the data along each component, s_i²/(n − 1) (<c>explained_variance_</c>): the covariance matrix's eigenvalues.</summary>
    /// <exception cref="InvalidOperationException">Before <see cref="Fit"/>.</exception>
    public Vector<double> ExplainedVariance => explainedVariance?.Clone() ?? throw NotFitted();

    /// <summary>
    /// Each component's share of the total variance of all p features (the trace of the covariance matrix, whether or not
    /// every component is kept): <c>explained_variance_ratio_</c>. The shares sum to 1 only when all components are kept.
    /// </summary>
    /// <exception cref="InvalidOperationException">Before <see cref="Fit"/>.</exception>
    public Vector<double> ExplainedVarianceRatio => explainedVarianceRatio?.Clone() ?? throw NotFitted();

    /// <summary>The singular values s_1 ≥ … ≥ s_k of the centred data (<c>singular_values_</c>).</summary>
    /// <exception cref="InvalidOperationException">Before <see cref="Fit"/>.</exception>
    public Vector<double> SingularValues => singularValues?.Clone() ?? throw NotFitted();

    /// <summary>The column means x̄ of the fitted data (<c>mean_</c>), subtracted by <see cref="Transform"/>.</summary>
    /// <exception cref="InvalidOperationException">Before <see cref="Fit"/>.</exception>
    public Vector<double> Mean => mean?.Clone() ?? throw NotFitted();

    /// <summary>Fits the components to the n×p data <paramref name="x"/> (rows are samples) and returns this instance.</summary>
    /// <exception cref="ArgumentException">x has fewer than 2 rows or a NaN/∞ entry (ParamName <c>x</c>); more components
    /// than min(n, p) (ParamName <c>components</c>, the message names x's shape).</exception>
    public Pca Fit(Matrix<double> x)
    {
        Validation.FiniteRows(x, nameof(x), minimumRows: 2);
        var (n, k) = (x.RowCount, ComponentCount);
        if (k > Math.Min(n, x.ColumnCount))
            throw new ArgumentException(
                $"components = {k} but x is {Guard.Shape(x)}: PCA can keep at most min(n, features) = {Math.Min(n, x.ColumnCount)} components.", "components");   // the constructor's parameter
        var xMean = x.ColumnSums() / n;
        var centred = x - Matrix<double>.Build.Dense(n, x.ColumnCount, (_, j) => xMean[j]);
        var (u, s, v) = ThinSvd.Of(centred);
        var rows = v.SubMatrix(0, v.RowCount, 0, k).Transpose();
        for (var c = 0; c < k; c++)
        {
            var column = u.Column(c);
            if (column[column.AbsoluteMaximumIndex()] < 0) rows.SetRow(c, -rows.Row(c));
        }
        var totalVariance = centred.FrobeniusNorm() * centred.FrobeniusNorm() / (n - 1);
        (axes, mean, singularValues) = (rows, xMean, s.SubVector(0, k));
        explainedVariance = singularValues.PointwiseMultiply(singularValues) / (n - 1);
        explainedVarianceRatio = explainedVariance / totalVariance;
        return this;
    }

    /// <summary>The scores (x − x̄)·Vₖ: each row of <paramref name="x"/> in the coordinates of the k components (m×k).</summary>
    /// <exception cref="ArgumentException">x has a different number of columns than the fitted data (both shapes are named).</exception>
    /// <exception cref="InvalidOperationException">Before <see cref="Fit"/>.</exception>
    public Matrix<double> Transform(Matrix<double> x)
    {
        var fitted = axes ?? throw NotFitted();
        ArgumentNullException.ThrowIfNull(x);
        if (x.ColumnCount != fitted.ColumnCount)
            throw new ArgumentException(
                $"x is {Guard.Shape(x)} but the components are {Guard.Shape(fitted)}: x needs {fitted.ColumnCount} columns, one per fitted feature.", nameof(x));
        return (x - Matrix<double>.Build.Dense(x.RowCount, x.ColumnCount, (_, j) => mean![j])).TransposeAndMultiply(fitted);
    }

    /// <summary>
    /// Maps scores back to feature space, scores·Vₖᵀ + x̄ (<c>inverse_transform</c>): the best rank-k approximation of the
    /// centred data in the least-squares sense (Eckart–Young), shifted back by the mean.
    /// </summary>
    /// <exception cref="ArgumentException">scores does not have k columns (both shapes are named).</exception>
    /// <exception cref="InvalidOperationException">Before <see cref="Fit"/>.</exception>
    public Matrix<double> InverseTransform(Matrix<double> scores)
    {
        var fitted = axes ?? throw NotFitted();
        ArgumentNullException.ThrowIfNull(scores);
        if (scores.ColumnCount != fitted.RowCount)
            throw new ArgumentException(
                $"scores is {Guard.Shape(scores)} but the components are {Guard.Shape(fitted)}: scores needs {fitted.RowCount} columns, one per component.", nameof(scores));
        return scores * fitted + Matrix<double>.Build.Dense(scores.RowCount, fitted.ColumnCount, (_, j) => mean![j]);
    }

    private static InvalidOperationException NotFitted() => new("Call Fit before reading the components or transforming.");
}
