using MathNet.Numerics.LinearAlgebra;

namespace MLCourse.Convolution;

/// <summary>The validation and window geometry <see cref="MaxPool2d"/> and <see cref="AvgPool2d"/> share.</summary>
internal static class Pooling
{
    /// <summary>
    /// Validates a pooling call on <paramref name="x"/> and returns the output size ⌊(H + 2p − k)/s⌋ + 1 by ⌊(W + 2p − k)/s⌋ + 1.
    /// PyTorch's rules: k, s ≥ 1, 0 ≤ p ≤ k/2, and the window must fit into the padded input.
    /// </summary>
    public static (int Height, int Width) OutputSize(Matrix<double> x, int kernelSize, int stride, int padding)
    {
        ArgumentNullException.ThrowIfNull(x);
        Guard.Positive(kernelSize, nameof(kernelSize));
        Guard.Positive(stride, nameof(stride));
        Guard.NonNegative(padding, nameof(padding));
        if (padding > kernelSize / 2)
            throw new ArgumentOutOfRangeException(nameof(padding), padding, $"padding must be at most half the kernel size ({kernelSize}/2 = {kernelSize / 2}), got {padding}.");
        if (kernelSize > Math.Min(x.RowCount, x.ColumnCount) + 2 * padding)
            throw new ArgumentException(
                $"kernelSize is {kernelSize} but x is {Guard.Shape(x)}" + (padding > 0 ? $" ({x.RowCount + 2 * padding}×{x.ColumnCount + 2 * padding} padded)" : "") +
                ": the window must fit into the input.", nameof(kernelSize));
        return (Conv2d.OutputSize(x.RowCount, kernelSize, stride, padding), Conv2d.OutputSize(x.ColumnCount, kernelSize, stride, padding));
    }

    /// <summary>Checks that <paramref name="gradOutput"/> has the pooled output's shape, naming both shapes.</summary>
    public static void CheckGradOutput(Matrix<double> gradOutput, (int Height, int Width) output, Matrix<double> x)
    {
        ArgumentNullException.ThrowIfNull(gradOutput);
        if (gradOutput.RowCount != output.Height || gradOutput.ColumnCount != output.Width)
            throw new ArgumentException(
                $"gradOutput is {Guard.Shape(gradOutput)} but pooling x ({Guard.Shape(x)}) gives {output.Height}×{output.Width}.", nameof(gradOutput));
    }
}
