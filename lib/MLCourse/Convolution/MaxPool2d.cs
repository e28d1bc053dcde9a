using MathNet.Numerics.LinearAlgebra;
using MLCourse.Numerics;

namespace MLCourse.Convolution;

/// <summary>
/// Max pooling of one channel, the numbers of <c>torch.nn.functional.max_pool2d(x, kernelSize, stride, padding)</c>
/// (floor mode, dilation 1) and of its autograd on the CPU. Introduced in notebook 20 (pooling backward).
/// </summary>
/// <remarks>
/// <para>Output (i, j) is the maximum of the k×k window with top-left corner (i·s − p, j·s − p); the padding counts as −∞,
/// so it never wins. The output is ⌊(H + 2p − k)/s⌋ + 1 by ⌊(W + 2p − k)/s⌋ + 1.</para>
/// <para><b>Which element is the maximum</b> decides the backward pass, so it follows PyTorch's CPU kernel exactly: the window
/// is scanned row by row, and an element replaces the current maximum only if it is strictly larger (or NaN). On a tie the
/// <b>first</b> element in that order keeps the whole gradient; it is not split. A NaN propagates (the last NaN of the window
/// is the argmax); a window of −∞ only points at its first element.</para>
/// <para><b>Backward.</b> y = max of the window is locally y = x_argmax, so ∂y/∂x is 1 at the argmax and 0 elsewhere: each
/// upstream gradient goes to its window's argmax and nowhere else. When windows overlap (stride &lt; kernel) an element can be
/// the argmax of several windows, and then it receives the sum of their gradients.</para>
/// </remarks>
public static class MaxPool2d
{
    /// <summary>The pooled channel.</summary>
    /// <param name="x">One channel, H×W.</param>
    /// <param name="kernelSize">k ≥ 1, the window's side.</param>
    /// <param name="stride">s ≥ 1 (PyTorch's default is s = k: non-overlapping windows).</param>
    /// <param name="padding">p with 0 ≤ p ≤ k/2, rows and columns of −∞ on each side.</param>
    /// <exception cref="ArgumentException">kernelSize larger than the (padded) input (ParamName <c>kernelSize</c>), or a setting out of range.</exception>
    public static Matrix<double> Forward(Matrix<double> x, int kernelSize, int stride, int padding = 0)
    {
        var (height, width) = Pooling.OutputSize(x, kernelSize, stride, padding);
        var (values, argmax) = (Storage.ColumnMajor(x), Argmax(x, kernelSize, stride, padding, height, width));
        return Matrix<double>.Build.Dense(height, width, Array.ConvertAll(argmax, index => values[index]));
    }

    /// <summary>
    /// ∂L/∂x for the upstream gradient ∂L/∂y: zero except at each window's argmax, which receives that window's gradient,
    /// summed over every window it wins (what <c>x.grad</c> is after <c>F.max_pool2d(x, k, s, p).backward(gradOutput)</c>).
    /// </summary>
    /// <param name="x">The forward pass's input (the argmax is recomputed from it).</param>
    /// <param name="gradOutput">∂L/∂y, shaped like the output.</param>
    /// <param name="kernelSize">As in the forward pass.</param>
    /// <param name="stride">As in the forward pass.</param>
    /// <param name="padding">As in the forward pass.</param>
    /// <returns>∂L/∂x, H×W.</returns>
    /// <exception cref="ArgumentException">gradOutput is not shaped like the output (ParamName <c>gradOutput</c>, both shapes named), or as in <see cref="Forward"/>.</exception>
    public static Matrix<double> Backward(Matrix<double> x, Matrix<double> gradOutput, int kernelSize, int stride, int padding = 0)
    {
        var output = Pooling.OutputSize(x, kernelSize, stride, padding);
        Pooling.CheckGradOutput(gradOutput, output, x);
        var (argmax, upstream) = (Argmax(x, kernelSize, stride, padding, output.Height, output.Width), Storage.ColumnMajor(gradOutput));
        var gradient = new double[x.RowCount * x.ColumnCount];
        for (var k = 0; k < argmax.Length; k++) gradient[argmax[k]] += upstream[k];
        return Matrix<double>.Build.Dense(x.RowCount, x.ColumnCount, gradient);
    }

    /// <summary>The storage index (column-major, j·H + i) of each window's maximum, output positions column-major too.</summary>
    private static int[] Argmax(Matrix<double> x, int kernelSize, int stride, int padding, int outHeight, int outWidth)
    {
        var (values, height, width) = (Storage.ColumnMajor(x), x.RowCount, x.ColumnCount);
        var argmax = new int[outHeight * outWidth];
        for (var j = 0; j < outWidth; j++)
            for (var i = 0; i < outHeight; i++)
            {
                var (rowFrom, columnFrom) = (Math.Max(i * stride - padding, 0), Math.Max(j * stride - padding, 0));
                var (rowTo, columnTo) = (Math.Min(i * stride - padding + kernelSize, height), Math.Min(j * stride - padding + kernelSize, width));
                var (best, max) = (columnFrom * height + rowFrom, double.NegativeInfinity);
                for (var r = rowFrom; r < rowTo; r++)   // row by row, as PyTorch's CPU kernel scans
                    for (var c = columnFrom; c < columnTo; c++)
                    {
                        var value = values[c * height + r];
                        if (value > max || double.IsNaN(value)) (max, best) = (value, c * height + r);
                    }
                argmax[j * outHeight + i] = best;
            }
        return argmax;
    }
}
