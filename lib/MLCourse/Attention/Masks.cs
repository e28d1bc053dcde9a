namespace MLCourse.Attention;

/// <summary>
/// Attention masks in the convention of <see cref="ScaledDotProductAttention.Compute"/>: an L_q×L_k array where
/// <c>true</c> means "query i may attend to key j". Introduced in notebook 01.
/// </summary>
public static class Masks
{
    /// <summary>
    /// The causal (look-ahead) mask for self-attention over <paramref name="length"/> positions: position i sees
    /// positions j ≤ i, so earlier tokens cannot see later ones. Range: length ≥ 1.
    /// </summary>
    public static bool[,] Causal(int length)
    {
        Guard.Positive(length, nameof(length));
        var keep = new bool[length, length];
        for (var i = 0; i < length; i++)
            for (var j = 0; j <= i; j++)
                keep[i, j] = true;
        return keep;
    }

    /// <summary>
    /// The prefix-LM mask of GLM (and ChatGLM, UniLM) for self-attention over <paramref name="length"/> positions: the
    /// first <paramref name="prefixLength"/> positions (the prompt, GLM's part A) see each other in both directions; every
    /// later position i sees the whole prefix and the positions j ≤ i (causal). Position i sees key j iff
    /// j &lt; prefixLength or j ≤ i. Range: length ≥ 1, 0 ≤ prefixLength ≤ length. prefixLength = length gives the
    /// bidirectional (all-true) mask of a BERT encoder, and prefixLength 0 or 1 the causal mask of a GPT decoder.
    /// Introduced in notebook 12.
    /// </summary>
    public static bool[,] Prefix(int length, int prefixLength)
    {
        Guard.Positive(length, nameof(length));
        if (prefixLength < 0 || prefixLength > length)
            throw new ArgumentOutOfRangeException(nameof(prefixLength), prefixLength, $"prefixLength must be in [0, {length}] (length = {length}), got {prefixLength}.");
        var keep = new bool[length, length];
        for (var i = 0; i < length; i++)
            for (var j = 0; j < length; j++)
                keep[i, j] = j < prefixLength || j <= i;
        return keep;
    }

    /// <summary>
    /// The key-padding mask for <paramref name="queries"/> queries over <paramref name="keys"/> keys of which only the
    /// first <paramref name="validKeys"/> are real tokens (the rest are padding). Range: queries, keys ≥ 1; 0 ≤ validKeys ≤ keys.
    /// With validKeys = 0 every row is fully masked (see the remarks on <see cref="ScaledDotProductAttention"/>).
    /// </summary>
    public static bool[,] Padding(int queries, int keys, int validKeys)
    {
        Guard.Positive(queries, nameof(queries));
        Guard.Positive(keys, nameof(keys));
        if (validKeys < 0 || validKeys > keys)
            throw new ArgumentOutOfRangeException(nameof(validKeys), validKeys, $"validKeys must be in [0, {keys}] (keys = {keys}), got {validKeys}.");
        var keep = new bool[queries, keys];
        for (var i = 0; i < queries; i++)
            for (var j = 0; j < validKeys; j++)
                keep[i, j] = true;
        return keep;
    }

    /// <summary>
    /// A batch's key-padding mask in the keep convention: a B×<paramref name="keys"/> array whose row b is <c>true</c> for
    /// the first <paramref name="lengths"/>[b] keys (real tokens) and <c>false</c> for the rest (padding), B = lengths.Length.
    /// It is the negation of PyTorch's <c>key_padding_mask</c> (where <c>True</c> marks padding); pass it to
    /// <see cref="MultiHeadAttention.Forward(IReadOnlyList{MathNet.Numerics.LinearAlgebra.Matrix{double}}, IReadOnlyList{MathNet.Numerics.LinearAlgebra.Matrix{double}}, IReadOnlyList{MathNet.Numerics.LinearAlgebra.Matrix{double}}, bool[,], bool[,])"/>.
    /// Range: keys ≥ 1; at least one length; 0 ≤ lengths[b] ≤ keys (0 hides every key of sequence b). Introduced in notebook 02.
    /// </summary>
    public static bool[,] KeyPadding(int keys, params int[] lengths)
    {
        Guard.Positive(keys, nameof(keys));
        ArgumentNullException.ThrowIfNull(lengths);
        if (lengths.Length == 0) throw new ArgumentException("Give one length per sequence of the batch.", nameof(lengths));
        var keep = new bool[lengths.Length, keys];
        for (var b = 0; b < lengths.Length; b++)
        {
            if (lengths[b] < 0 || lengths[b] > keys)
                throw new ArgumentOutOfRangeException(nameof(lengths), lengths[b], $"lengths[{b}] must be in [0, {keys}] (keys = {keys}), got {lengths[b]}.");
            for (var j = 0; j < lengths[b]; j++) keep[b, j] = true;
        }
        return keep;
    }

    /// <summary>Element-wise AND of two masks of the same shape: a key is visible only if both masks allow it.</summary>
    /// <exception cref="ArgumentException">The shapes differ.</exception>
    public static bool[,] And(bool[,] a, bool[,] b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        if (a.GetLength(0) != b.GetLength(0) || a.GetLength(1) != b.GetLength(1))
            throw new ArgumentException(
                $"a is {a.GetLength(0)}×{a.GetLength(1)} but b is {b.GetLength(0)}×{b.GetLength(1)}: masks must have the same shape.", nameof(b));
        var keep = new bool[a.GetLength(0), a.GetLength(1)];
        for (var i = 0; i < a.GetLength(0); i++)
            for (var j = 0; j < a.GetLength(1); j++)
                keep[i, j] = a[i, j] && b[i, j];
        return keep;
    }
}
