global using MathNet.Numerics.LinearAlgebra;
global using MLCourse.Numerics;
global using MLCourse.Tests.Golden;
global using Xunit;
