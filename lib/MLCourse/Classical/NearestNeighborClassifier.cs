using MathNet.Numerics.LinearAlgebra;
using MLCourse.Numerics;

namespace MLCourse.Classical;

/// <summary>
/// The 1-nearest-neighbour classifier (<c>sklearn.neighbors.KNeighborsClassifier(n_neighbors=1)</c> with Euclidean
/// distance): a query gets the label of the closest training point, the first in training order on a tie. It memorises
/// the training set, so a query that coincides with a training point always gets that point's label, which makes it a
/// sharp detector of leakage between training and evaluation data. Introduced in notebook 23.
/// </summary>
public sealed class NearestNeighborClassifier
{
    private double[][]? points;
    private int[] labels = [];

    /// <summary>Stores the training points and labels and returns this instance.</summary>
    /// <param name="x">Training points, one per row, at least one, finite.</param>
    /// <param name="y">One label per row (any integers).</param>
    /// <exception cref="ArgumentException">x empty or not finite (ParamName x); y of the wrong length (ParamName y, both shapes named).</exception>
    public NearestNeighborClassifier Fit(Matrix<double> x, int[] y)
    {
        Validation.FiniteRows(x, nameof(x), minimumRows: 1);
        Validation.Labels(x, y, nameof(y));
        (points, labels) = (x.ToRowArrays(), (int[])y.Clone());
        return this;
    }

    /// <summary>The label of the nearest training point of every row of <paramref name="x"/>.</summary>
    /// <exception cref="ArgumentException">x has a different number of columns than the training points (both are named).</exception>
    /// <exception cref="InvalidOperationException">Before <see cref="Fit"/>.</exception>
    public int[] Predict(Matrix<double> x)
    {
        var train = points ?? throw new InvalidOperationException("Call Fit before predicting.");
        Guard.Columns(x, train[0].Length, nameof(x), "one per feature of the training points");
        return x.ToRowArrays().Select(q => labels[Distances.Nearest(q, train)]).ToArray();
    }
}
