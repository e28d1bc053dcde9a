using MathNet.Numerics.LinearAlgebra;
using MathNet.Numerics.LinearAlgebra.Factorization;

namespace MLCourse.Numerics;

/// <summary>
/// The thin singular value decomposition X = U·diag(S)·Vᵀ of an n×p matrix, with k = min(n, p): U is n×k, S has k
/// entries in decreasing order, V is p×k, and U and V have orthonormal columns. MathNet's <c>Svd</c> always builds the
/// full n×n U; here a thin QR factorisation comes first (X = QR for n ≥ p, Xᵀ = QR otherwise) and only the small k×k
/// factor R is decomposed, so a 10 000×10 matrix costs a 10×10 SVD instead of a 10 000×10 000 U. Backward stable, as
/// LAPACK's <c>gesdd</c> (numpy's <c>svd(full_matrices=False)</c>) is.
/// </summary>
internal static class ThinSvd
{
    public static (Matrix<double> U, Vector<double> S, Matrix<double> V) Of(Matrix<double> x)
    {
        if (x.RowCount >= x.ColumnCount)
        {
            var qr = x.QR(QRMethod.Thin);   // X = QR, Q n×p, R p×p; R = W S Zᵀ gives X = (QW) S Zᵀ
            var svd = qr.R.Svd(computeVectors: true);
            return (qr.Q * svd.U, svd.S, svd.VT.Transpose());
        }
        else
        {
            var qr = x.Transpose().QR(QRMethod.Thin);   // Xᵀ = QR, Q p×n; X = Rᵀ Qᵀ and Rᵀ = W S Zᵀ gives X = W S (QZ)ᵀ
            var svd = qr.R.Transpose().Svd(computeVectors: true);
            return (svd.U, svd.S, qr.Q * svd.VT.Transpose());
        }
    }
}
