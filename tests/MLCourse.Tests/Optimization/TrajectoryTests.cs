using MLCourse.Optimization;

namespace MLCourse.Tests.Optimization;

public class TrajectoryTests
{
    private sealed class Halve : IOptimizer
    {
        public void Step(Vector<double> parameters, Vector<double> gradient) => parameters.MapInplace(p => p / 2);
    }

    [Fact]
    public void Records_start_and_every_step_without_touching_the_start()
    {
        var start = Vector<double>.Build.DenseOfArray([1.0, 4.0]);
        var path = Trajectory.Run(new SGD(0.25), start, x => x, 3);   // f = ½‖x‖²: x ← 0.75x

        Assert.Equal(4, path.Count);
        Assert.Equal(Vector<double>.Build.DenseOfArray([1.0, 4.0]), start);
        for (var t = 0; t <= 3; t++) Assert.Equal(Math.Pow(0.75, t) * 4.0, path[t][1], 15);
        Assert.NotSame(path[0], start);
    }

    [Fact]
    public void Applies_a_schedule_before_each_step()
    {
        var sgd = new SGD(1.0);
        var path = Trajectory.Run(sgd, Vector<double>.Build.Dense(1), _ => Vector<double>.Build.Dense(1, 1.0), 4, t => 0.1 * t);

        Assert.Equal(-(0.1 + 0.2 + 0.3 + 0.4), path[^1][0], 15);
        Assert.Equal(0.4, sgd.LearningRate, 15);
    }

    [Fact]
    public void Accepts_any_IOptimizer_but_schedules_need_an_Optimizer()
    {
        var start = Vector<double>.Build.Dense(1, 8.0);
        Assert.Equal(1.0, Trajectory.Run(new Halve(), start, x => x, 3)[^1][0]);

        var e = Assert.Throws<ArgumentException>(() => Trajectory.Run(new Halve(), start, x => x, 3, _ => 0.1));
        Assert.Equal("learningRate", e.ParamName);
        Assert.Equal("steps", Assert.Throws<ArgumentOutOfRangeException>(() => Trajectory.Run(new SGD(0.1), start, x => x, -1)).ParamName);
    }
}
