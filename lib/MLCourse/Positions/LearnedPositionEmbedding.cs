using MathNet.Numerics.Distributions;
using MathNet.Numerics.LinearAlgebra;

namespace MLCourse.Positions;

/// <summary>
/// A learned absolute position embedding (BERT, GPT-2, ALBERT): a table with one trainable row per position
/// 0 … MaxPositions − 1 (512 in BERT), looked up like <c>torch.nn.Embedding</c> and added to the token embeddings.
/// A position at or beyond MaxPositions has no row, so the table cannot encode it: there is nothing to extrapolate from.
/// Introduced in notebook 03 (03-positional-encoding).
/// </summary>
public sealed class LearnedPositionEmbedding
{
    private readonly Matrix<double> _table;

    /// <summary>Wraps a table (MaxPositions×d, at least one row and one column); the table is copied.</summary>
    /// <exception cref="ArgumentException">table has no rows or no columns.</exception>
    public LearnedPositionEmbedding(Matrix<double> table)
    {
        ArgumentNullException.ThrowIfNull(table);
        if (table.RowCount == 0 || table.ColumnCount == 0)
            throw new ArgumentException($"table is {Guard.Shape(table)}: it needs at least one position and one column.", nameof(table));
        _table = table.Clone();
    }

    /// <summary>
    /// A table initialised as Hugging Face initialises BERT's: i.i.d. N(0, σ²) entries with σ = 0.02 by default.
    /// Range: maxPositions, dimension ≥ 1; standardDeviation finite and &gt; 0.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">A range is violated (the argument is named).</exception>
    public static LearnedPositionEmbedding Initialize(int maxPositions, int dimension, Random random, double standardDeviation = 0.02)
    {
        Guard.Positive(maxPositions, nameof(maxPositions));
        Guard.Positive(dimension, nameof(dimension));
        ArgumentNullException.ThrowIfNull(random);
        Guard.Positive(standardDeviation, nameof(standardDeviation));
        return new LearnedPositionEmbedding(Matrix<double>.Build.Random(maxPositions, dimension, new Normal(0, standardDeviation, random)));
    }

    /// <summary>The number of positions the table has rows for (the trained length; 512 for BERT).</summary>
    public int MaxPositions => _table.RowCount;

    /// <summary>The width d of each position vector.</summary>
    public int Dimension => _table.ColumnCount;

    /// <summary>A copy of the table (MaxPositions×d).</summary>
    public Matrix<double> Table => _table.Clone();

    /// <summary>The vector of one position, 0 ≤ position &lt; MaxPositions.</summary>
    /// <exception cref="ArgumentOutOfRangeException">position is negative or ≥ MaxPositions (the message says the table has no row for it).</exception>
    public Vector<double> Lookup(int position)
    {
        if (position < 0 || position >= MaxPositions)
            throw new ArgumentOutOfRangeException(nameof(position), position,
                $"position must be in [0, {MaxPositions - 1}]: the table has {MaxPositions} rows (positions 0…{MaxPositions - 1}) and no row for position {position}.");
        return _table.Row(position);
    }

    /// <summary>The vectors of positions 0 … length − 1 (length×d), for a sequence of that length; 0 ≤ length ≤ MaxPositions.</summary>
    /// <exception cref="ArgumentOutOfRangeException">length is negative or &gt; MaxPositions.</exception>
    public Matrix<double> Encoding(int length)
    {
        if (length < 0 || length > MaxPositions)
            throw new ArgumentOutOfRangeException(nameof(length), length,
                $"length must be in [0, {MaxPositions}]: the table has rows for {MaxPositions} positions, so it cannot encode a sequence of {length} tokens.");
        return _table.SubMatrix(0, length, 0, Dimension);
    }
}
