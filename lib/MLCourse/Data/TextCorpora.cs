namespace MLCourse.Data;

/// <summary>
/// Small public-domain English texts committed under <c>data/</c> (source, edition and preprocessing in
/// <c>data/README.md</c>), for the language-model notebooks. Introduced in notebook 14 (decoding).
/// </summary>
public static class TextCorpora
{
    /// <summary>The file under <c>data/</c> that holds <see cref="AliceInWonderland"/>.</summary>
    public const string AliceFileName = "alice-chapters-1-3.txt";

    /// <summary>
    /// Chapters I–III of Lewis Carroll's <i>Alice's Adventures in Wonderland</i> (1865; public domain), Project
    /// Gutenberg eBook #11, "Millennium Fulcrum Edition 3.0": the title lines and the three chapters, verbatim, with
    /// line feeds as line ends (32,095 characters, ASCII). No tokenisation or case folding is applied here.
    /// </summary>
    /// <exception cref="FileNotFoundException">The data file is missing (see <see cref="DataFiles.Path"/>).</exception>
    public static string AliceInWonderland() => File.ReadAllText(DataFiles.Path(AliceFileName));
}
