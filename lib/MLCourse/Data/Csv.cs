using System.Globalization;

namespace MLCourse.Data;

/// <summary>Reads the course's numeric CSV files (a header line of column names, then rows of numbers) with errors that name the file and line.</summary>
internal static class Csv
{
    /// <summary>The rows of <c>data/<paramref name="fileName"/></c>, after checking the header and the number of rows.</summary>
    /// <exception cref="FileNotFoundException">The file is missing.</exception>
    /// <exception cref="InvalidDataException">The header differs from <paramref name="columns"/>, a row has the wrong number
    /// of fields or a field that is not a number, or there are not <paramref name="rows"/> data rows.</exception>
    public static double[][] Read(string fileName, IReadOnlyList<string> columns, int rows)
    {
        var path = DataFiles.Path(fileName);
        var lines = File.ReadAllLines(path).Where(l => l.Length > 0).ToList();
        var header = string.Join(",", columns);
        if (lines.Count == 0 || lines[0].Trim() != header)
            throw new InvalidDataException($"{path}: the first line must be the header '{header}'.");
        var data = lines.Skip(1).Select((line, i) => Parse(line, i + 2, path, columns.Count)).ToArray();
        if (data.Length != rows)
            throw new InvalidDataException($"{path}: expected {rows} data rows, found {data.Length}.");
        return data;
    }

    private static double[] Parse(string line, int lineNumber, string path, int columns)
    {
        var fields = line.Split(',');
        if (fields.Length != columns)
            throw new InvalidDataException($"{path}, line {lineNumber}: expected {columns} comma-separated values, found {fields.Length}.");
        return fields.Select(f => double.TryParse(f, NumberStyles.Float, CultureInfo.InvariantCulture, out var v)
            ? v : throw new InvalidDataException($"{path}, line {lineNumber}: '{f}' is not a number.")).ToArray();
    }
}
