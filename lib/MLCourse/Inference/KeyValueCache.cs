using MathNet.Numerics.LinearAlgebra;

namespace MLCourse.Inference;

/// <summary>
/// The key–value cache of a decoder for one sequence: for every layer, the key and value rows of every token decoded so far
/// (each row holds all KV heads side by side, kvHeads·headDim numbers). Filled by <see cref="CausalDecoder.Step"/>.
/// Introduced in notebook 13 (LLM inference: KV cache and quantization).
/// </summary>
/// <remarks>
/// A token's keys and values never change once computed, because under a causal mask a position's hidden state at every
/// layer depends only on itself and earlier positions. So each decoding step computes K, V for the new token only and
/// appends them. Memory: <see cref="StoredValues"/> = 2·layers·kvHeads·headDim·Length numbers.
/// </remarks>
public sealed class KeyValueCache
{
    private readonly List<double[]>[] _keys;
    private readonly List<double[]>[] _values;

    /// <summary>An empty cache. Range: layers, kvHeads, headDim ≥ 1.</summary>
    public KeyValueCache(int layers, int kvHeads, int headDim)
    {
        Guard.Positive(layers, nameof(layers));
        Guard.Positive(kvHeads, nameof(kvHeads));
        Guard.Positive(headDim, nameof(headDim));
        (Layers, KvHeads, HeadDim) = (layers, kvHeads, headDim);
        _keys = Enumerable.Range(0, layers).Select(_ => new List<double[]>()).ToArray();
        _values = Enumerable.Range(0, layers).Select(_ => new List<double[]>()).ToArray();
    }

    /// <summary>Number of layers.</summary>
    public int Layers { get; }

    /// <summary>Number of key/value heads per layer (fewer than the query heads under grouped-query attention).</summary>
    public int KvHeads { get; }

    /// <summary>Width of one head.</summary>
    public int HeadDim { get; }

    /// <summary>Number of tokens whose keys and values are stored in every layer.</summary>
    public int Length => _keys[Layers - 1].Count;

    /// <summary>Numbers stored: 2 (K and V) · layers · kvHeads · headDim · Length.</summary>
    public long StoredValues => 2L * Layers * KvHeads * HeadDim * Length;

    /// <summary>The cached keys of <paramref name="layer"/>: one row per token, kvHeads·headDim columns (head g in columns g·headDim …).</summary>
    public Matrix<double> Keys(int layer) => Rows(_keys, layer);

    /// <summary>The cached values of <paramref name="layer"/>, shaped like <see cref="Keys"/>.</summary>
    public Matrix<double> Values(int layer) => Rows(_values, layer);

    /// <summary>Appends one token's key and value rows to <paramref name="layer"/>.</summary>
    internal void Append(int layer, Vector<double> key, Vector<double> value)
    {
        CheckLayer(layer);
        _keys[layer].Add(key.ToArray());
        _values[layer].Add(value.ToArray());
    }

    private Matrix<double> Rows(List<double[]>[] store, int layer)
    {
        CheckLayer(layer);
        if (store[layer].Count == 0)
            throw new InvalidOperationException($"Layer {layer} of the cache is empty: decode a token first.");
        return Matrix<double>.Build.DenseOfRowArrays(store[layer]);
    }

    private void CheckLayer(int layer) => Guard.Id(layer, Layers, nameof(layer), "Layers");
}
