from botox_explorer.content import ContentError, ContentProblem


def test_a_problem_names_file_place_record_and_field():
    assert str(ContentProblem("uses.yaml", "is wrong", "lines", "status", line=3, column=7)) == (
        "uses.yaml:3:7, record 'lines', field 'status': is wrong")
    assert str(ContentProblem("uses.yaml", "is wrong", line=3)) == "uses.yaml:3:1: is wrong"
    assert str(ContentProblem("uses.yaml", "is empty")) == "uses.yaml: is empty"


def test_the_error_says_every_problem_one_a_line():
    problems = [ContentProblem("a.yaml", "is empty"), ContentProblem("b.yaml", "is wrong", "x")]
    error = ContentError(problems)
    assert error.problems == problems
    assert str(error) == "a.yaml: is empty\nb.yaml, record 'x': is wrong"
