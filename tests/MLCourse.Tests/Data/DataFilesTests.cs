using MLCourse.Data;

namespace MLCourse.Tests.Data;

public class DataFilesTests
{
    [Fact]
    public void Finds_the_data_README_from_the_test_binaries()
    {
        var path = DataFiles.Path("README.md");

        Assert.EndsWith(Path.Combine("data", "README.md"), path);
        Assert.True(File.Exists(path));
    }

    [Fact]
    public void A_missing_file_names_itself()
    {
        var e = Assert.Throws<FileNotFoundException>(() => DataFiles.Path("no-such-dataset.csv"));

        Assert.Contains("data/no-such-dataset.csv not found", e.Message);
    }

    [Theory]
    [InlineData("../secrets.txt")]
    [InlineData("sub\\file.csv")]
    public void Only_plain_file_names_are_accepted(string fileName)
    {
        Assert.Equal("fileName", Assert.Throws<ArgumentException>(() => DataFiles.Path(fileName)).ParamName);
    }
}
