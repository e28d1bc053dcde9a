using System.Text.Json.Nodes;

namespace MLCourse.Notebooks.Tests;

/// <summary>Small notebooks written on the fly for the site's tests (Markdown and C# cells), read back as the runner reads them.</summary>
internal static class TestNotebook
{
    public static (string Type, string Source) Markdown(string source) => ("markdown", source);

    public static (string Type, string Source) Code(string source) => ("code", source);

    /// <summary>Writes <paramref name="name"/> into <paramref name="folder"/> and loads it with <see cref="NotebookFile.Load"/>.</summary>
    public static NotebookFile Write(string folder, string name, params (string Type, string Source)[] cells)
    {
        var json = new JsonObject
        {
            ["cells"] = new JsonArray(cells.Select(c => (JsonNode)(c.Type == "markdown"
                ? new JsonObject { ["cell_type"] = "markdown", ["metadata"] = new JsonObject(), ["source"] = c.Source }
                : new JsonObject
                {
                    ["cell_type"] = "code", ["execution_count"] = null, ["outputs"] = new JsonArray(), ["source"] = c.Source,
                    ["metadata"] = new JsonObject { ["polyglot_notebook"] = new JsonObject { ["kernelName"] = "csharp" } },
                })).ToArray()),
            ["metadata"] = new JsonObject
            {
                ["kernelspec"] = new JsonObject { ["display_name"] = ".NET (C#)", ["language"] = "C#", ["name"] = ".net-csharp" },
                ["polyglot_notebook"] = new JsonObject { ["kernelInfo"] = new JsonObject { ["defaultKernelName"] = "csharp" } },
            },
            ["nbformat"] = 4,
            ["nbformat_minor"] = 5,
        };
        var path = Path.Combine(folder, name);
        File.WriteAllText(path, json.ToJsonString());
        return NotebookFile.Load(path);
    }

    /// <summary>
    /// A notebook in the course's conventions, cell by cell: the title cell with two quoted questions (the first
    /// answered in §2), two numbered sections, the interview answer in both languages, and an exercise with a folded
    /// solution in code and in Markdown. Tests replace parts of it to make it wrong.
    /// </summary>
    public static readonly string[] Dropout =
    [
        """
        # 07 · Dropout: why scale at training time

        **The interview questions** (from the notes, with a translation):

        > 为什么要用dropout？
        >
        > *Why use dropout?*
        >
        > → §2

        > 训练和测试时dropout有什么不同？
        >
        > *How does dropout differ between training and testing?* (asked twice)
        >
        > The notes answer with one line.

        **You will learn**

        - why inverted dropout divides by $1 - p$.
        """,
        """
        ## 1 Inverted dropout

        Each unit is kept with probability $1 - p$ and scaled by $\frac{1}{1-p}$, so the expected activation is unchanged.
        """,
        """
        ## 2 Why it regularizes

        Dropout trains an ensemble of thinned networks that share weights.

        ### Why

        Co-adaptation of units is broken.
        """,
        """
        ## Interview answer

        > Dropout zeroes each unit with probability p during training and scales the survivors by 1/(1 − p), so nothing changes at test time.

        ### 中文回答

        > Dropout 在训练时以概率 p 把神经元置零，并把保留下来的放大 1/(1 − p)（inverted dropout），测试时就不用再缩放了。
        """,
        """
        ## Exercises

        **Exercise 1.** With $p = 0.5$, by what factor are the kept units scaled?
        """,
        """
        double? factor = null;   // your answer
        // BEGIN SOLUTION
        factor = 1 / (1 - 0.5);
        // END SOLUTION
        Exercise.Check("07.1", factor, hint: "the expectation must not change");
        """,
        """
        ### Why

        <!-- BEGIN SOLUTION -->
        *Why:* SECRETREASON the kept half must carry the whole expectation.
        <!-- END SOLUTION -->

        ---

        **Previous:** [06 · L1 and L2](06-l1-l2-regularization.ipynb) · [Course contents](../README.md)
        """,
    ];

    /// <summary>The cells of <see cref="Dropout"/> (cell 5 is code), after replacing <paramref name="from"/> by <paramref name="to"/> in them.</summary>
    public static (string Type, string Source)[] DropoutCells(string from = "", string to = "")
    {
        if (from.Length > 0 && !Dropout.Any(c => c.Contains(from, StringComparison.Ordinal)))
            throw new ArgumentException($"\"{from}\" is not in the notebook: the test would change nothing", nameof(from));
        return Dropout.Select((source, i) => (i == 5 ? "code" : "markdown", from.Length == 0 ? source : source.Replace(from, to, StringComparison.Ordinal))).ToArray();
    }
}
