using MLCourse.Notebook;

namespace MLCourse.Tests.Notebook;

public class ExerciseTests
{
    [Fact]
    public void A_number_is_right_within_the_relative_tolerance_and_wrong_outside()
    {
        Assert.Equal(ExerciseStatus.Right, Exercise.Grade("05.1", 3.162, Math.Sqrt(10), 1e-3, "h").Status);
        Assert.Equal(ExerciseStatus.Wrong, Exercise.Grade("05.1", 3.15, Math.Sqrt(10), 1e-3, "h").Status);
        Assert.Equal(ExerciseStatus.Right, Exercise.Grade("05.1", 1e-4, 0, 1e-3, "h").Status);   // absolute at 0
        Assert.Equal(ExerciseStatus.Wrong, Exercise.Grade("05.1", double.NaN, 1, 1e-3, "h").Status);
    }

    [Fact]
    public void Null_is_not_answered_for_every_answer_type()
    {
        Assert.Equal(ExerciseStatus.NotAnswered, Exercise.Grade("05.1", (double?)null, 2, 1e-3, "h").Status);
        Assert.Equal(ExerciseStatus.NotAnswered, Exercise.Grade("05.2", (int?)null, 194, "h").Status);
        Assert.Equal(ExerciseStatus.NotAnswered, Exercise.Grade("05.5", (bool?)null, false, "h").Status);
        Assert.Equal(ExerciseStatus.NotAnswered, Exercise.Grade("05.6", (string?)null, "AdaGrad", "h").Status);
    }

    [Fact]
    public void Integers_booleans_and_text_are_graded_exactly_text_ignoring_case_and_spaces()
    {
        Assert.Equal(ExerciseStatus.Right, Exercise.Grade("05.2", 194, 194, "h").Status);
        Assert.Equal(ExerciseStatus.Wrong, Exercise.Grade("05.2", 193, 194, "h").Status);
        Assert.Equal(ExerciseStatus.Right, Exercise.Grade("05.5", false, false, "h").Status);
        Assert.Equal(ExerciseStatus.Wrong, Exercise.Grade("05.5", true, false, "h").Status);
        Assert.Equal(ExerciseStatus.Right, Exercise.Grade("05.6", " adagrad ", "AdaGrad", "h").Status);
        Assert.Equal(ExerciseStatus.Wrong, Exercise.Grade("05.6", "Adam", "AdaGrad", "h").Status);
    }

    [Fact]
    public void The_line_shows_a_tick_a_cross_with_the_hint_or_not_answered()
    {
        Assert.Equal("✔ Exercise 05.2: right", Exercise.Grade("05.2", 194, 194, "square first").ToString());
        Assert.Equal("✘ Exercise 05.2: 193 is not right. Hint: square first", Exercise.Grade("05.2", 193, 194, "square first").ToString());
        Assert.StartsWith("○ Exercise 05.2: not answered yet", Exercise.Grade("05.2", (int?)null, 194, "square first").ToString());
    }

    [Fact]
    public void In_a_source_notebook_a_wrong_or_missing_answer_fails_like_a_check()
    {
        Exercise.Check("05.2", 194, 194, "h");

        var wrong = Assert.Throws<CheckFailedException>(() => Exercise.Check("05.2", 193, 194, "h"));
        var missing = Assert.Throws<CheckFailedException>(() => Exercise.Check("05.1", (double?)null, 2.0, 1e-3, "h"));

        Assert.Equal("exercise 05.2", wrong.Claim);
        Assert.Equal("193", wrong.Actual);
        Assert.Contains("BEGIN SOLUTION", missing.Actual);
    }

    [Fact]
    public void A_student_edition_shows_wrong_answers_until_a_source_notebook_starts_in_the_same_process()
    {
        try
        {
            Assert.EndsWith("student edition: exercises show ✔ / ✘ and never stop the notebook", Course.StudentEdition());
            Exercise.Check("05.2", 193, 194, "h");   // shown, not thrown

            Course.Info();

            Assert.False(Exercise.IsStudentEdition);
            Assert.Throws<CheckFailedException>(() => Exercise.Check("05.2", 193, 194, "h"));
        }
        finally
        {
            Exercise.SetStudentEdition(false);
        }
    }

    [Fact]
    public void The_answer_key_grades_the_exercises_whose_cells_would_give_the_answer_away()
    {
        Exercise.Check("05.2", 194, "h");
        Exercise.Check("05.4", 1 / Math.Sqrt(256.0 * 2000), "h");

        Assert.Throws<CheckFailedException>(() => Exercise.Check("05.2", 195, "h"));
        Assert.Throws<CheckFailedException>(() => Exercise.Check("05.4", 0.0014 * 1.01, "h"));
    }

    [Fact]
    public void Bad_ids_missing_keys_and_mismatched_types_name_the_exercise()
    {
        var id = Assert.Throws<ArgumentException>(() => Exercise.Check("5.2", 1, 1, "h"));
        var noFile = Assert.Throws<ArgumentException>(() => Exercise.Check("99.1", 1, "h"));
        var noEntry = Assert.Throws<ArgumentException>(() => Exercise.Check("05.9", 1, "h"));
        var type = Assert.Throws<ArgumentException>(() => Exercise.Check("05.4", 1, "h"));

        Assert.Equal("exercise", id.ParamName);
        Assert.Contains("\"NN.k\"", id.Message);
        Assert.Contains("AnswerKey/99.json", noFile.Message);
        Assert.Contains("no entry \"9\"", noEntry.Message);
        Assert.Contains("not an integer", type.Message);
        Assert.Throws<ArgumentOutOfRangeException>(() => Exercise.Check("05.1", 1.0, 1.0, -1, "h"));
    }
}
