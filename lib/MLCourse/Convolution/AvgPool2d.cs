using MathNet.Numerics.LinearAlgebra;
using MLCourse.Numerics;

namespace MLCourse.Convolution;

/// <summary>
/// Average pooling of one channel without padding, the numbers of <c>torch.nn.functional.avg_pool2d(x, kernelSize, stride)</c>
/// (floor mode) and of its autograd. Introduced in notebook 20 (pooling backward).
/// </summary>
/// <remarks>
/// Output (i, j) is the mean of the k×k window with top-left corner (i·s, j·s), sum then divided by k² as PyTorch computes it.
/// The output is ⌊(H − k)/s⌋ + 1 by ⌊(W − k)/s⌋ + 1. <b>Backward:</b> y is (1/k²)·Σ window, so every element of a window
/// receives g/k² of its gradient g (0.25·g for 2×2); with overlapping windows an element collects g/k² from each window
/// that contains it, and elements no window covers (the last rows or columns dropped by the floor) receive 0.
/// </remarks>
public static class AvgPool2d
{
    /// <summary>The pooled channel.</summary>
    /// <param name="x">One channel, H×W.</param>
    /// <param name="kernelSize">k ≥ 1, the window's side.</param>
    /// <param name="stride">s ≥ 1.</param>
    /// <exception cref="ArgumentException">kernelSize larger than x (ParamName <c>kernelSize</c>), or a setting out of range.</exception>
    public static Matrix<double> Forward(Matrix<double> x, int kernelSize, int stride)
    {
        var (height, width) = Pooling.OutputSize(x, kernelSize, stride, 0);
        var (values, rows, area) = (Storage.ColumnMajor(x), x.RowCount, kernelSize * kernelSize);
        var y = new double[height * width];
        for (var j = 0; j < width; j++)
            for (var i = 0; i < height; i++)
            {
                var sum = 0.0;
                for (var r = i * stride; r < i * stride + kernelSize; r++)
                    for (var c = j * stride; c < j * stride + kernelSize; c++)
                        sum += values[c * rows + r];
                y[j * height + i] = sum / area;
            }
        return Matrix<double>.Build.Dense(height, width, y);
    }

    /// <summary>∂L/∂x for the upstream gradient ∂L/∂y: each window adds g/k² to each of its k² elements.</summary>
    /// <param name="x">The forward pass's input (only its shape is used).</param>
    /// <param name="gradOutput">∂L/∂y, shaped like the output.</param>
    /// <param name="kernelSize">As in the forward pass.</param>
    /// <param name="stride">As in the forward pass.</param>
    /// <returns>∂L/∂x, H×W.</returns>
    /// <exception cref="ArgumentException">gradOutput is not shaped like the output (ParamName <c>gradOutput</c>, both shapes named), or as in <see cref="Forward"/>.</exception>
    public static Matrix<double> Backward(Matrix<double> x, Matrix<double> gradOutput, int kernelSize, int stride)
    {
        var output = Pooling.OutputSize(x, kernelSize, stride, 0);
        Pooling.CheckGradOutput(gradOutput, output, x);
        var (upstream, rows, area) = (Storage.ColumnMajor(gradOutput), x.RowCount, kernelSize * kernelSize);
        var gradient = new double[x.RowCount * x.ColumnCount];
        for (var j = 0; j < output.Width; j++)
            for (var i = 0; i < output.Height; i++)
            {
                var share = upstream[j * output.Height + i] / area;
                for (var r = i * stride; r < i * stride + kernelSize; r++)
                    for (var c = j * stride; c < j * stride + kernelSize; c++)
                        gradient[c * rows + r] += share;
            }
        return Matrix<double>.Build.Dense(x.RowCount, x.ColumnCount, gradient);
    }
}
