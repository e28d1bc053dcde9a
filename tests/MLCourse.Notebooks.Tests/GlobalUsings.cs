global using MLCourse.Runner.Cli;
global using MLCourse.Runner.Notebooks;
global using MLCourse.Runner.Runs;
global using Xunit;
