using MathNet.Numerics.Distributions;
using MathNet.Numerics.LinearAlgebra;

namespace MLCourse.Transformers;

/// <summary>
/// BERT's input representation before its LayerNorm: for the token at position i with id tᵢ in segment sᵢ,
/// word[tᵢ] + tokenType[sᵢ] + position[i], three learned tables of the same width H (V×H, T×H, P×H). Equivalently one
/// linear layer (no bias) applied to the concatenated one-hot vectors of tᵢ, sᵢ and i. Introduced in notebook 12.
/// </summary>
/// <remarks>The position table has P = <see cref="MaxPositions"/> rows: it limits the sequence length to P tokens,
/// while the vocabulary has V = <see cref="VocabularySize"/> rows of its own.</remarks>
public sealed class InputEmbeddings
{
    /// <summary>Embeddings with given tables: word V×H, tokenType T×H, position P×H (the same H).</summary>
    /// <exception cref="ArgumentException">The tables have different widths (both shapes are named).</exception>
    public InputEmbeddings(Matrix<double> word, Matrix<double> tokenType, Matrix<double> position)
    {
        ArgumentNullException.ThrowIfNull(word);
        Guard.Columns(tokenType, word.ColumnCount, nameof(tokenType), $"the width H of word, which is {Guard.Shape(word)}");
        Guard.Columns(position, word.ColumnCount, nameof(position), $"the width H of word, which is {Guard.Shape(word)}");
        (Word, TokenType, Position) = (word, tokenType, position);
    }

    /// <summary>Tables drawn from N(0, std²) (BERT's initializer_range std = 0.02). Ranges: sizes ≥ 1, std &gt; 0.</summary>
    public static InputEmbeddings Random(int vocabularySize, int segmentTypes, int maxPositions, int hiddenSize, System.Random random, double std = 0.02)
    {
        Guard.Positive(vocabularySize, nameof(vocabularySize));
        Guard.Positive(segmentTypes, nameof(segmentTypes));
        Guard.Positive(maxPositions, nameof(maxPositions));
        Guard.Positive(hiddenSize, nameof(hiddenSize));
        ArgumentNullException.ThrowIfNull(random);
        Guard.Positive(std, nameof(std));
        var normal = new Normal(0, std, random);
        return new InputEmbeddings(Matrix<double>.Build.Random(vocabularySize, hiddenSize, normal),
            Matrix<double>.Build.Random(segmentTypes, hiddenSize, normal), Matrix<double>.Build.Random(maxPositions, hiddenSize, normal));
    }

    /// <summary>The token (word-piece) table, V×H.</summary>
    public Matrix<double> Word { get; }

    /// <summary>The segment (token type) table, T×H.</summary>
    public Matrix<double> TokenType { get; }

    /// <summary>The learned position table, P×H.</summary>
    public Matrix<double> Position { get; }

    /// <summary>V, the vocabulary size.</summary>
    public int VocabularySize => Word.RowCount;

    /// <summary>T, the number of segment types.</summary>
    public int SegmentTypes => TokenType.RowCount;

    /// <summary>P, the longest sequence.</summary>
    public int MaxPositions => Position.RowCount;

    /// <summary>H, the width.</summary>
    public int HiddenSize => Word.ColumnCount;

    /// <summary>
    /// The n×H matrix whose row i is word[tokenIds[i]] + tokenType[segmentIds[i]] + position[i].
    /// Ranges: 1 ≤ n ≤ P; token ids in [0, V); segment ids in [0, T).
    /// </summary>
    /// <exception cref="ArgumentException">The lists differ in length, are empty or longer than P, or hold an id out of range (the index is named).</exception>
    public Matrix<double> Compute(IReadOnlyList<int> tokenIds, IReadOnlyList<int> segmentIds)
    {
        ArgumentNullException.ThrowIfNull(tokenIds);
        ArgumentNullException.ThrowIfNull(segmentIds);
        if (tokenIds.Count == 0) throw new ArgumentException("tokenIds must not be empty.", nameof(tokenIds));
        if (tokenIds.Count > MaxPositions)
            throw new ArgumentException($"tokenIds has {tokenIds.Count} tokens but the position table has only {MaxPositions} rows (maxPositions): the sequence is too long.", nameof(tokenIds));
        if (segmentIds.Count != tokenIds.Count)
            throw new ArgumentException($"tokenIds has {tokenIds.Count} ids but segmentIds has {segmentIds.Count}: they must have the same length.", nameof(segmentIds));
        Guard.Ids(tokenIds, VocabularySize, nameof(tokenIds), "vocabularySize");
        Guard.Ids(segmentIds, SegmentTypes, nameof(segmentIds), "segmentTypes");
        return Matrix<double>.Build.Dense(tokenIds.Count, HiddenSize, (i, j) => Word[tokenIds[i], j] + TokenType[segmentIds[i], j] + Position[i, j]);
    }
}
