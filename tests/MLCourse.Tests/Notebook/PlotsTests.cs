using MLCourse.Notebook;

namespace MLCourse.Tests.Notebook;

public class PlotsTests
{
    [Theory]
    [InlineData(1, 1)]
    [InlineData(20, 1)]
    [InlineData(21, 2)]
    [InlineData(24, 2)]
    [InlineData(25, 5)]
    [InlineData(64, 10)]
    [InlineData(128, 20)]
    [InlineData(513, 50)]
    [InlineData(5000, 500)]
    public void Heatmap_ticks_label_every_cell_up_to_20_then_at_most_12_cells(int cells, int step)
    {
        Assert.Equal(step, Plots.TickStep(cells));
        Assert.True(cells <= 20 || (cells - 1) / step + 1 <= 12);
    }
}
