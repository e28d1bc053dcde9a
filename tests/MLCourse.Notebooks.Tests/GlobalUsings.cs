global using MLCourse.Runner;
global using Xunit;
