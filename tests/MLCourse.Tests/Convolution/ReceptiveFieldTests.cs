using MLCourse.Convolution;

namespace MLCourse.Tests.Convolution;

public class ReceptiveFieldTests
{
    [Fact]
    public void Stacked_3_by_3_convolutions_see_2L_plus_1()
    {
        Assert.Equal(Enumerable.Range(1, 10).Select(l => 2 * l + 1), ReceptiveField.Sizes(Enumerable.Repeat(new Window(3), 10).ToArray()));
    }

    [Fact]
    public void The_resnet_stem_sees_11_pixels_and_strides_multiply_the_growth()
    {
        Assert.Equal([7, 11], ReceptiveField.Sizes([new Window(7, 2), new Window(3, 2)]));
        Assert.Equal([3, 7, 15, 31], ReceptiveField.Sizes([new Window(3, 2), new Window(3, 2), new Window(3, 2), new Window(3, 2)]));
        Assert.Equal([3, 7, 15, 31], ReceptiveField.Sizes([new Window(3, 1, 1), new Window(3, 1, 2), new Window(3, 1, 4), new Window(3, 1, 8)]));
    }

    [Fact]
    public void Invalid_windows_are_rejected()
    {
        Assert.Equal("layers", Assert.Throws<ArgumentOutOfRangeException>(() => ReceptiveField.Sizes([new Window(0)])).ParamName);
        Assert.Empty(ReceptiveField.Sizes([]));
    }
}
