using MathNet.Numerics.LinearAlgebra;

namespace MLCourse.Decoding;

/// <summary>
/// An autoregressive language model over the token ids 0 … <see cref="VocabularySize"/> − 1: given the tokens so far,
/// the log-probability of every possible next token. The decoding algorithms in this namespace (greedy, beam search,
/// sampling) only need this. Introduced in notebook 14 (decoding).
/// </summary>
public interface ILanguageModel
{
    /// <summary>The number of token ids V; ids range over 0 … V − 1.</summary>
    int VocabularySize { get; }

    /// <summary>
    /// log P(next = v | <paramref name="context"/>) for every v: a vector of length <see cref="VocabularySize"/> whose
    /// exponentials sum to 1, with −∞ for a token the model rules out. These are valid logits:
    /// softmax(log p) = p.
    /// </summary>
    /// <param name="context">The tokens so far (the prompt, then what was generated); at least one token.</param>
    Vector<double> NextLogProbabilities(IReadOnlyList<int> context);
}
