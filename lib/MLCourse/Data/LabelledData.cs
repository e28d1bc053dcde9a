using MathNet.Numerics.LinearAlgebra;

namespace MLCourse.Data;

/// <summary>A classification dataset: features, integer class labels 0 … k−1, and the names of both.</summary>
/// <param name="X">The n×p feature matrix, columns in the order of <paramref name="FeatureNames"/>.</param>
/// <param name="Y">The n class labels, each in [0, <paramref name="ClassNames"/>.Count).</param>
/// <param name="FeatureNames">Column names, as scikit-learn's <c>feature_names</c>.</param>
/// <param name="ClassNames">Class names, label i = <c>ClassNames[i]</c>, as scikit-learn's <c>target_names</c>.</param>
public sealed record LabelledData(Matrix<double> X, int[] Y, IReadOnlyList<string> FeatureNames, IReadOnlyList<string> ClassNames)
{
    /// <summary>How many samples each class has: element c counts label c.</summary>
    public int[] ClassCounts => Enumerable.Range(0, ClassNames.Count).Select(c => Y.Count(y => y == c)).ToArray();

    /// <summary>
    /// The samples at <paramref name="indices"/>, in that order, repeats allowed (a subset, a resample, a fold): row k of
    /// the result is row indices[k] of <see cref="X"/>, with its label. Introduced in notebook 23.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">An index outside 0 … n−1 (the first one is named).</exception>
    public LabelledData Rows(IReadOnlyList<int> indices)
    {
        Guard.Ids(indices, Y.Length, nameof(indices), $"the data have {Y.Length} samples");
        return this with
        {
            X = Matrix<double>.Build.Dense(indices.Count, X.ColumnCount, (k, j) => X[indices[k], j]),
            Y = indices.Select(i => Y[i]).ToArray(),
        };
    }

    /// <summary>Reads <c>data/<paramref name="fileName"/></c>: a header of the feature names and "target", then one row per sample.</summary>
    internal static LabelledData Load(string fileName, IReadOnlyList<string> featureNames, IReadOnlyList<string> classNames, int rows)
    {
        var data = Csv.Read(fileName, [.. featureNames, "target"], rows);
        var p = featureNames.Count;
        var y = data.Select((row, i) => row[p] is var label && label == Math.Floor(label) && label >= 0 && label < classNames.Count
            ? (int)label
            : throw new InvalidDataException($"{DataFiles.Path(fileName)}, line {i + 2}: the target {row[p]} is not a class index 0 … {classNames.Count - 1}.")).ToArray();
        return new LabelledData(Matrix<double>.Build.Dense(rows, p, (i, j) => data[i][j]), y, featureNames, classNames);
    }
}

/// <summary>
/// Fisher's iris data (1936): 150 flowers, 4 measurements in cm, 3 species of 50 each; one species is linearly separable
/// from the other two. <c>data/iris.csv</c>, see <c>data/README.md</c>. Introduced in notebook 16 (PCA).
/// </summary>
public static class Iris
{
    /// <summary>The file under <c>data/</c>.</summary>
    public const string FileName = "iris.csv";

    /// <summary>The four features: sepal length, sepal width, petal length, petal width (cm), named as scikit-learn names them.</summary>
    public static IReadOnlyList<string> FeatureNames { get; } = ["sepal length (cm)", "sepal width (cm)", "petal length (cm)", "petal width (cm)"];

    /// <summary>The data, equal to scikit-learn's <c>load_iris()</c>: labels 0 = setosa, 1 = versicolor, 2 = virginica.</summary>
    public static LabelledData Load() => LabelledData.Load(FileName, FeatureNames, ["setosa", "versicolor", "virginica"], 150);
}

/// <summary>
/// The UCI wine recognition data: 178 wines from three cultivars of one Italian region, 13 chemical measurements.
/// <c>data/wine.csv</c>, see <c>data/README.md</c>. Introduced in notebook 16 (PCA).
/// </summary>
public static class Wine
{
    /// <summary>The file under <c>data/</c>.</summary>
    public const string FileName = "wine.csv";

    /// <summary>The 13 features, named as scikit-learn names them (alcohol, malic_acid, …, proline).</summary>
    public static IReadOnlyList<string> FeatureNames { get; } =
    [
        "alcohol", "malic_acid", "ash", "alcalinity_of_ash", "magnesium", "total_phenols", "flavanoids", "nonflavanoid_phenols",
        "proanthocyanins", "color_intensity", "hue", "od280/od315_of_diluted_wines", "proline",
    ];

    /// <summary>The data, equal to scikit-learn's <c>load_wine()</c>: labels 0, 1, 2 are the three cultivars (59, 71, 48 wines).</summary>
    public static LabelledData Load() => LabelledData.Load(FileName, FeatureNames, ["class_0", "class_1", "class_2"], 178);
}

/// <summary>
/// The Wisconsin diagnostic breast cancer data (Street, Wolberg and Mangasarian 1993): 569 tumours, 30 features of the cell
/// nuclei in a fine-needle aspirate image (mean, standard error and worst value of ten measurements).
/// <c>data/breast-cancer.csv</c>, see <c>data/README.md</c>. Introduced in notebook 18 (evaluation metrics).
/// </summary>
public static class BreastCancer
{
    /// <summary>The file under <c>data/</c>.</summary>
    public const string FileName = "breast-cancer.csv";

    private static readonly string[] Measurements =
        ["radius", "texture", "perimeter", "area", "smoothness", "compactness", "concavity", "concave points", "symmetry", "fractal dimension"];

    /// <summary>The 30 features as scikit-learn names them: "mean radius" … "mean fractal dimension", "radius error" …, "worst radius" ….</summary>
    public static IReadOnlyList<string> FeatureNames { get; } =
        [.. Measurements.Select(m => "mean " + m), .. Measurements.Select(m => m + " error"), .. Measurements.Select(m => "worst " + m)];

    /// <summary>The data, equal to scikit-learn's <c>load_breast_cancer()</c>: label 0 = malignant (212), 1 = benign (357), scikit-learn's coding.</summary>
    public static LabelledData Load() => LabelledData.Load(FileName, FeatureNames, ["malignant", "benign"], 569);
}
