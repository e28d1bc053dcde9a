namespace MLCourse.Runner.Notebooks;

/// <summary>What the pool reports while it runs; every method may be called from any thread.</summary>
public interface IRunProgress
{
    /// <summary>A worker took <paramref name="notebook"/>.</summary>
    void NotebookStarted(NotebookFile notebook) { }

    /// <summary>Code cell <paramref name="index"/> (0-based among all cells) of <paramref name="notebook"/> started.</summary>
    void CellStarted(NotebookFile notebook, int index) { }

    /// <summary>A notebook finished, passed or failed (not called for interrupted ones).</summary>
    void NotebookFinished(NotebookFile notebook, NotebookResult result) { }
}
