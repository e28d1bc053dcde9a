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
    /// Sets the notebook up for the course and returns the library's identity and build, e.g. "MLCourse 1.0.0 (built
    /// 2026-11-25 12:00 UTC) · MathNet.Numerics 5.0.0 · …". The set-up: the display formatters; MathNet.Numerics
    /// single-threaded (the course's matrices are small, tens to hundreds of rows, where MathNet's parallel loops cost
    /// more in thread hand-offs than they save, and the headless runner already runs one notebook per core: measured on
    /// 2 cores, 2000 64×64 matrix–vector products took 181 ms multi-threaded and 24 ms single-threaded); and source mode
    /// for exercises: wrong or missing answers fail their cell, even in a process whose previous notebook was a student
    /// edition (the runner's workers run many notebooks).
    /// </summary>
    public static string Info()
    {
        Exercise.SetStudentEdition(false);   // a source notebook, also in a process whose previous notebook was a student edition
        NotebookFormatters.Register();
        MathNet.Numerics.Control.UseSingleThread();
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
