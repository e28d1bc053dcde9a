using MathNet.Numerics.LinearAlgebra;
using MLCourse.Activations;
using MLCourse.Numerics;

namespace MLCourse.Convolution;

/// <summary>
/// Kim's (2014) TextCNN at inference: word embeddings (L×E) → for each width k, n filters of <c>nn.Conv1d(E, n, k)</c>
/// sliding along time → ReLU → max over time → the concatenated feature vector (n per width) → a linear layer to class
/// scores (softmax gives probabilities; dropout, p = 0.5 in the paper, acts only in training and is not modelled here).
/// Introduced in notebook 20 (TextCNN).
/// </summary>
/// <remarks>
/// <para>A width-k filter gives L − k + 1 positions; max over time keeps one number per filter, so the feature vector has
/// the same length for every sentence length L ≥ max k. Parameters: Σ_k n(E·k + 1) in the convolutions plus
/// classes·(Σ_k n) + classes in the output layer (the embedding table is not counted).</para>
/// <para><b>Padding.</b> In a batch, short sentences are padded with zero vectors. A window that covers padding computes
/// w·0 + b (or a partial sum), which can exceed every real window's value and so change the maximum. Passing the real
/// <c>length</c> to <see cref="Features"/> masks such windows to −∞ before the max, which restores the unpadded features.</para>
/// <para>Initialisation as PyTorch's defaults: filter weights and biases U(±1/√(E·k)), output layer U(±1/√(Σ n)).</para>
/// </remarks>
public sealed class TextCnn
{
    private readonly Matrix<double>[][] _filters;
    private readonly Vector<double>[] _biases;

    /// <summary>A TextCNN with random initial parameters.</summary>
    /// <param name="embeddingSize">E ≥ 1.</param>
    /// <param name="widths">The filter widths k (each ≥ 1, at least one), e.g. 3, 4, 5.</param>
    /// <param name="filtersPerWidth">n ≥ 1 filters per width (100 in Kim 2014).</param>
    /// <param name="classes">The number of classes ≥ 1.</param>
    /// <param name="random">The generator of the initial parameters.</param>
    /// <exception cref="ArgumentException">A size out of range, or no width.</exception>
    public TextCnn(int embeddingSize, IReadOnlyList<int> widths, int filtersPerWidth, int classes, System.Random random)
    {
        Guard.Positive(embeddingSize, nameof(embeddingSize));
        ArgumentNullException.ThrowIfNull(widths);
        if (widths.Count == 0) throw new ArgumentException("widths is empty: give at least one filter width.", nameof(widths));
        foreach (var k in widths) Guard.Positive(k, nameof(widths));
        Guard.Positive(filtersPerWidth, nameof(filtersPerWidth));
        Guard.Positive(classes, nameof(classes));
        ArgumentNullException.ThrowIfNull(random);
        (EmbeddingSize, Widths, FiltersPerWidth) = (embeddingSize, widths.ToArray(), filtersPerWidth);
        (_filters, _biases) = (new Matrix<double>[widths.Count][], new Vector<double>[widths.Count]);
        for (var w = 0; w < widths.Count; w++)
        {
            var bound = 1 / Math.Sqrt(embeddingSize * widths[w]);
            _filters[w] = Enumerable.Range(0, filtersPerWidth).Select(_ => Rng.Uniform(embeddingSize, widths[w], bound, random)).ToArray();
            _biases[w] = Rng.Uniform(filtersPerWidth, bound, random);
        }
        var features = widths.Count * filtersPerWidth;
        var (weight, bias) = Networks.Dense.Initialise(classes, features, random);
        (OutputWeight, OutputBias) = (weight, bias!);
    }

    /// <summary>E, the embedding size (the convolutions' input channels).</summary>
    public int EmbeddingSize { get; }

    /// <summary>The filter widths k.</summary>
    public IReadOnlyList<int> Widths { get; }

    /// <summary>n, the number of filters per width.</summary>
    public int FiltersPerWidth { get; }

    /// <summary>The live filters: <c>Filters[w][o]</c> is filter o of width Widths[w], an E×k matrix (the weight of <c>nn.Conv1d(E, n, k)</c>).</summary>
    public IReadOnlyList<IReadOnlyList<Matrix<double>>> Filters => _filters;

    /// <summary>The live filter biases, one vector of n per width.</summary>
    public IReadOnlyList<Vector<double>> FilterBiases => _biases;

    /// <summary>The live output weight, classes×(n·widths).</summary>
    public Matrix<double> OutputWeight { get; }

    /// <summary>The live output bias, one per class.</summary>
    public Vector<double> OutputBias { get; }

    /// <summary>The trainable numbers, counted from the built filters, biases and output layer (embeddings excluded).</summary>
    public long ParameterCount =>
        _filters.Sum(f => f.Sum(m => (long)m.RowCount * m.ColumnCount)) + _biases.Sum(b => (long)b.Count) + (long)OutputWeight.RowCount * OutputWeight.ColumnCount + OutputBias.Count;

    /// <summary>
    /// The ReLU feature maps of the filters of width Widths[<paramref name="width"/>]: n×(L − k + 1), row o is
    /// ReLU(conv1d of filter o over time).
    /// </summary>
    /// <param name="embeddings">L×E: row t is the embedding of token t.</param>
    /// <param name="width">The index of the width in <see cref="Widths"/>.</param>
    /// <exception cref="ArgumentException">embeddings does not have E columns, or is shorter than the width (ParamName <c>embeddings</c>).</exception>
    public Matrix<double> FeatureMaps(Matrix<double> embeddings, int width)
    {
        Guard.Columns(embeddings, EmbeddingSize, nameof(embeddings), "embeddingSize");
        Guard.InRangeHalfOpen(width, 0, Widths.Count, nameof(width));
        if (embeddings.RowCount < Widths[width])
            throw new ArgumentException($"embeddings is {Guard.Shape(embeddings)}: {embeddings.RowCount} tokens, fewer than the filter width {Widths[width]}.", nameof(embeddings));
        return ReluMaps(Channels(embeddings), embeddings.RowCount, width);
    }

    /// <summary>The E embedding dimensions as Conv1d's channels: channel c is column c of the L×E matrix.</summary>
    private double[][] Channels(Matrix<double> embeddings)
    {
        var storage = Storage.ColumnMajor(embeddings);   // column-major L×E: embedding dimension c is the contiguous column c
        return Enumerable.Range(0, EmbeddingSize).Select(c => storage.AsSpan(c * embeddings.RowCount, embeddings.RowCount).ToArray()).ToArray();
    }

    /// <summary><see cref="FeatureMaps"/> of already validated <see cref="Channels"/> of length <paramref name="tokens"/>.</summary>
    private Matrix<double> ReluMaps(double[][] channels, int tokens, int width)
    {
        var maps = Conv1d.Channels(channels, tokens, _filters[width], _biases[width]);
        return Matrix<double>.Build.Dense(maps.Length, maps[0].Length, (o, t) => Activation.Relu(maps[o][t]));
    }

    /// <summary>
    /// The sentence's feature vector (length n·widths): per filter, the maximum over time of its ReLU feature map, widths in
    /// order. With <paramref name="length"/>, rows from <paramref name="length"/> on are padding and every window that
    /// reaches them is left out of the maximum (masked to −∞).
    /// </summary>
    /// <param name="embeddings">L×E, one row per token.</param>
    /// <param name="length">The number of real tokens (max k ≤ length ≤ L), or null: every row is a real token.</param>
    /// <exception cref="ArgumentException">embeddings does not have E columns or has fewer rows than the widest filter (<c>embeddings</c>), or length out of range (<c>length</c>).</exception>
    public Vector<double> Features(Matrix<double> embeddings, int? length = null)
    {
        Guard.Columns(embeddings, EmbeddingSize, nameof(embeddings), "embeddingSize");
        var real = length ?? embeddings.RowCount;
        if (real < Widths.Max() || real > embeddings.RowCount)
            throw new ArgumentOutOfRangeException(nameof(length), length, $"length must be between the widest filter ({Widths.Max()}) and the {embeddings.RowCount} rows of embeddings, got {real}.");
        var (channels, features) = (Channels(embeddings), new List<double>());
        for (var w = 0; w < Widths.Count; w++)
        {
            var maps = ReluMaps(channels, embeddings.RowCount, w);
            var positions = real - Widths[w] + 1;   // windows that lie inside the real tokens
            for (var o = 0; o < maps.RowCount; o++)
                features.Add(maps.Row(o).SubVector(0, positions).Maximum());
        }
        return Vector<double>.Build.DenseOfEnumerable(features);
    }

    /// <summary>The class scores W·features + b.</summary>
    /// <exception cref="ArgumentException">features does not have length n·widths.</exception>
    public Vector<double> Logits(Vector<double> features)
    {
        Guard.Length(features, OutputWeight.ColumnCount, nameof(features), "filtersPerWidth·widths");
        return OutputWeight * features + OutputBias;
    }
}
