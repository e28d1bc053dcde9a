using MLCourse.Optimization;

namespace MLCourse.Tests.Optimization;

public class LearningRateSchedulesTests
{
    [Fact]
    public void Linear_warmup_rises_to_the_peak_and_stays()
    {
        Assert.Equal(0.25e-3, LearningRateSchedules.LinearWarmup(1, 4, 1e-3), 1e-18);
        Assert.Equal(0.75e-3, LearningRateSchedules.LinearWarmup(3, 4, 1e-3), 1e-18);
        Assert.Equal(1e-3, LearningRateSchedules.LinearWarmup(4, 4, 1e-3));
        Assert.Equal(1e-3, LearningRateSchedules.LinearWarmup(1000, 4, 1e-3));
    }

    [Fact]
    public void Bert_schedule_warms_up_then_decays_linearly_to_zero()
    {
        Assert.Equal(0.1, LearningRateSchedules.LinearWarmupThenDecay(1, 10, 110, 1.0), 15);
        Assert.Equal(1.0, LearningRateSchedules.LinearWarmupThenDecay(10, 10, 110, 1.0));
        Assert.Equal(0.5, LearningRateSchedules.LinearWarmupThenDecay(60, 10, 110, 1.0), 15);
        Assert.Equal(0.0, LearningRateSchedules.LinearWarmupThenDecay(110, 10, 110, 1.0));
        Assert.Equal(0.0, LearningRateSchedules.LinearWarmupThenDecay(500, 10, 110, 1.0));
    }

    [Fact]
    public void Noam_peaks_at_the_warmup_step()
    {
        var peak = LearningRateSchedules.Noam(4000, 512, 4000);

        Assert.Equal(1 / Math.Sqrt(512.0 * 4000), peak, 15);
        Assert.Equal(6.987712429686844e-4, peak, 15);
        Assert.Equal(peak / 4000, LearningRateSchedules.Noam(1, 512, 4000), 15);
        Assert.Equal(peak * Math.Sqrt(4000.0 / 16000), LearningRateSchedules.Noam(16000, 512, 4000), 15);
        Assert.True(LearningRateSchedules.Noam(3999, 512, 4000) < peak && LearningRateSchedules.Noam(4001, 512, 4000) < peak);
        Assert.Equal(2 * peak, LearningRateSchedules.Noam(4000, 512, 4000, factor: 2), 15);
    }

    [Theory]
    [InlineData(0, 10, 1.0, "step")]
    [InlineData(1, 0, 1.0, "warmupSteps")]
    [InlineData(1, 10, -1.0, "peak")]
    public void Linear_warmup_validates(int step, int warmup, double peak, string name)
    {
        Assert.Equal(name, Assert.Throws<ArgumentOutOfRangeException>(() => LearningRateSchedules.LinearWarmup(step, warmup, peak)).ParamName);
        Assert.Equal(name, Assert.Throws<ArgumentOutOfRangeException>(() => LearningRateSchedules.LinearWarmupThenDecay(step, warmup, 100, peak)).ParamName);
    }

    [Fact]
    public void Total_steps_must_exceed_warmup()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => LearningRateSchedules.LinearWarmupThenDecay(1, 10, 10, 1.0));

        Assert.Equal("totalSteps", e.ParamName);
        Assert.Contains("> warmupSteps (10)", e.Message);
    }

    [Theory]
    [InlineData(0, 512, 4000, 1.0, "step")]
    [InlineData(1, 0, 4000, 1.0, "dModel")]
    [InlineData(1, 512, 0, 1.0, "warmupSteps")]
    [InlineData(1, 512, 4000, 0.0, "factor")]
    public void Noam_validates(int step, int dModel, int warmup, double factor, string name)
    {
        Assert.Equal(name, Assert.Throws<ArgumentOutOfRangeException>(() => LearningRateSchedules.Noam(step, dModel, warmup, factor)).ParamName);
    }
}
