using System.Reflection;

namespace MLCourse.Notebook;

/// <summary>
/// What the setup cell of every notebook shows after loading the library: which build of MLCourse is loaded and the
/// versions of the packages it runs with. Seeing the build time is how you notice a stale library (rebuild, then restart
/// the kernel). Introduced in notebook 01.
/// </summary>
public static class Course
{
    /// <summary>
    /// The library's identity and build, e.g. "MLCourse 1.0.0 (built 2026-11-25 12:00 UTC) · MathNet.Numerics 5.0.0 · …".
    /// Called by a source notebook's setup cell, it also makes wrong or missing exercise answers fail their cell, even in
    /// a process whose previous notebook was a student edition (the runner's workers run many notebooks).
    /// </summary>
    public static string Info()
    {
        Exercise.SetStudentEdition(false);   // a source notebook, also in a process whose previous notebook was a student edition
        NotebookFormatters.Register();
        var library = typeof(Course).Assembly;
        var built = File.GetLastWriteTimeUtc(library.Location);
        return $"MLCourse {Version(library)} (built {built:yyyy-MM-dd HH:mm} UTC) · "
            + $"MathNet.Numerics {Version(typeof(MathNet.Numerics.Control).Assembly)} · "
            + $"ScottPlot {Version(typeof(ScottPlot.Plot).Assembly)} · "
            + $".NET {Environment.Version}";
    }

    /// <summary>
    /// The setup cell of a student edition calls this instead of <see cref="Info"/>: the same line, marked as the student
    /// edition, and from now on <see cref="Exercise"/> shows wrong or missing answers instead of failing the cell, so
    /// "Run All" reaches every exercise. The runner writes this call into <c>DIR/student/</c> copies.
    /// </summary>
    public static string StudentEdition()
    {
        var info = Info();
        Exercise.SetStudentEdition(true);
        return info + " · student edition: exercises show ✔ / ✘ and never stop the notebook";
    }

    private static string Version(Assembly assembly) =>
        (assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? assembly.GetName().Version?.ToString() ?? "?")
            .Split('+')[0];
}
