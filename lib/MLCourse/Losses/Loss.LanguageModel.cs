using MathNet.Numerics.LinearAlgebra;

namespace MLCourse.Losses;

public static partial class Loss
{
    /// <summary>
    /// The shift of causal language modelling, as Hugging Face's <c>GPT2LMHeadModel</c> writes it
    /// (<c>logits[..., :-1, :]</c> against <c>labels[..., 1:]</c>): row t of sequence b's logits predicts token t + 1, so the
    /// last row of each sequence and its first token drop out. Returns the Σ_b (T_b − 1) kept rows stacked sequence after
    /// sequence, and their targets, ready for <see cref="CrossEntropy(Matrix{double}, int[], double, int)"/>. Introduced in
    /// notebook 22 (LLM training objectives).
    /// </summary>
    /// <param name="logits">One T_b×V matrix per sequence (B ≥ 1 sequences, T_b ≥ 1 positions, the same V ≥ 1 for all):
    /// row t is the model's output at position t, which has seen tokens 0 … t only (a causal mask).</param>
    /// <param name="tokens">One label sequence per sequence, of length T_b: token ids in [0, V), or an ignore index for
    /// positions that are not to be predicted (padding, or an SFT prompt).</param>
    /// <exception cref="ArgumentException">The counts or shapes do not match (both are named), or no sequence has two positions.</exception>
    public static (Matrix<double> Logits, int[] Targets) ShiftForNextToken(IReadOnlyList<Matrix<double>> logits, IReadOnlyList<int[]> tokens) =>
        Shift(logits, tokens, ValidateSequences(logits, tokens));

    /// <summary><see cref="ShiftForNextToken"/> on sequences already validated, with vocabulary size V.</summary>
    private static (Matrix<double> Logits, int[] Targets) Shift(IReadOnlyList<Matrix<double>> logits, IReadOnlyList<int[]> tokens, int vocabulary)
    {
        var rows = logits.Sum(l => l.RowCount - 1);
        var (shifted, targets) = (Matrix<double>.Build.Dense(rows, vocabulary), new int[rows]);
        var row = 0;
        for (var b = 0; b < logits.Count; b++)
            for (var t = 0; t + 1 < logits[b].RowCount; t++, row++)
            {
                shifted.SetRow(row, logits[b].Row(t));
                targets[row] = tokens[b][t + 1];
            }
        return (shifted, targets);
    }

    /// <summary>
    /// The causal-LM (next-token) loss of GPT and LLaMA, <c>F.cross_entropy(logits[:, :-1].reshape(-1, V),
    /// tokens[:, 1:].reshape(-1), ignore_index=ignoreIndex)</c>: −(1/K)·Σ_b Σ_t log p(x_{b,t+1} | x_{b,≤t}) over the K shifted
    /// positions whose target is not <paramref name="ignoreIndex"/> (K = B(T − 1) when nothing is ignored). exp of it is
    /// the perplexity. See <see cref="ShiftForNextToken"/> for the shapes.
    /// </summary>
    /// <param name="logits">One T_b×V matrix per sequence.</param>
    /// <param name="tokens">The label sequences, token ids in [0, V) or <paramref name="ignoreIndex"/>.</param>
    /// <param name="ignoreIndex">Targets equal to it are left out of the mean (default −100, PyTorch's). All ignored gives NaN.</param>
    /// <exception cref="ArgumentException">The counts or shapes do not match, a token is out of range, or no sequence has two positions.</exception>
    public static double CausalLanguageModel(IReadOnlyList<Matrix<double>> logits, IReadOnlyList<int[]> tokens, int ignoreIndex = DefaultIgnoreIndex)
    {
        var (shifted, targets) = Shift(logits, tokens, ValidateTokens(logits, tokens, ignoreIndex));
        return CrossEntropy(shifted, targets, 0, ignoreIndex);
    }

    /// <summary>
    /// ∂<see cref="CausalLanguageModel"/>/∂logits, one T_b×V matrix per sequence: row t is (softmax(z_t) − onehot(x_{t+1}))/K,
    /// and the last row, which predicts nothing, and rows whose target is ignored are 0 (as autograd gives).
    /// </summary>
    /// <inheritdoc cref="CausalLanguageModel"/>
    public static Matrix<double>[] CausalLanguageModelGradient(IReadOnlyList<Matrix<double>> logits, IReadOnlyList<int[]> tokens, int ignoreIndex = DefaultIgnoreIndex)
    {
        var (shifted, targets) = Shift(logits, tokens, ValidateTokens(logits, tokens, ignoreIndex));
        var flat = CrossEntropyGradient(shifted, targets, 0, ignoreIndex);
        var gradients = new Matrix<double>[logits.Count];
        var row = 0;
        for (var b = 0; b < logits.Count; b++)
        {
            gradients[b] = Matrix<double>.Build.Dense(logits[b].RowCount, logits[b].ColumnCount);
            for (var t = 0; t + 1 < logits[b].RowCount; t++, row++) gradients[b].SetRow(t, flat.Row(row));
        }
        return gradients;
    }

    /// <summary>B ≥ 1 sequences with matching lengths and one V; at least one shifted pair. Returns V.</summary>
    private static int ValidateSequences(IReadOnlyList<Matrix<double>> logits, IReadOnlyList<int[]> tokens)
    {
        ArgumentNullException.ThrowIfNull(logits);
        ArgumentNullException.ThrowIfNull(tokens);
        if (logits.Count == 0) throw new ArgumentException("logits must hold at least one sequence.", nameof(logits));
        if (tokens.Count != logits.Count)
            throw new ArgumentException($"tokens holds {tokens.Count} sequences but logits holds {logits.Count}: one label sequence per sequence of logits.", nameof(tokens));
        for (var b = 0; b < logits.Count; b++)
        {
            ArgumentNullException.ThrowIfNull(logits[b], nameof(logits));
            ArgumentNullException.ThrowIfNull(tokens[b], nameof(tokens));
            if (logits[b].RowCount == 0 || logits[b].ColumnCount == 0)
                throw new ArgumentException($"logits[{b}] is {Guard.Shape(logits[b])}: a sequence needs at least one position and one token id.", nameof(logits));
            if (logits[b].ColumnCount != logits[0].ColumnCount)
                throw new ArgumentException($"logits[{b}] is {Guard.Shape(logits[b])} but logits[0] is {Guard.Shape(logits[0])}: every sequence needs the same vocabulary size V.", nameof(logits));
            if (tokens[b].Length != logits[b].RowCount)
                throw new ArgumentException($"tokens[{b}] has length {tokens[b].Length} but logits[{b}] is {Guard.Shape(logits[b])}: one token per row.", nameof(tokens));
        }
        if (logits.All(l => l.RowCount < 2))
            throw new ArgumentException("Every sequence has a single position: the shift leaves nothing to predict (a sequence needs T ≥ 2).", nameof(tokens));
        return logits[0].ColumnCount;
    }

    /// <summary><see cref="ValidateSequences"/>, and every token an id in [0, V) or <paramref name="ignoreIndex"/> (named by sequence and position). Returns V.</summary>
    private static int ValidateTokens(IReadOnlyList<Matrix<double>> logits, IReadOnlyList<int[]> tokens, int ignoreIndex)
    {
        var vocabulary = ValidateSequences(logits, tokens);
        for (var b = 0; b < tokens.Count; b++)
            for (var t = 0; t < tokens[b].Length; t++)
                if ((tokens[b][t] < 0 || tokens[b][t] >= vocabulary) && tokens[b][t] != ignoreIndex)
                    throw new ArgumentException(
                        $"tokens[{b}][{t}] = {tokens[b][t]} is not a token id in [0, {vocabulary}) (logits[{b}] is {Guard.Shape(logits[b])}) nor ignoreIndex = {ignoreIndex}.", nameof(tokens));
        return vocabulary;
    }
}
