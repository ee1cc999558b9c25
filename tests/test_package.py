"""The public API: what `import eventcoder` gives, and that it loads nothing."""

import subprocess
import sys


def test_import_loads_no_model_and_opens_no_file():
    code = (
        "import sys, eventcoder; "
        "assert 'spacy' not in sys.modules, 'spacy imported'; "
        "assert 'trafilatura' not in sys.modules; "
        "assert 'sqlite3' not in sys.modules; "
        "print(eventcoder.__version__)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "0.1.0"


def test_public_names():
    import eventcoder

    assert set(eventcoder.__all__) >= {"code", "Pipeline", "CodedArticle", "InputError", "EventcoderError"}
    assert eventcoder.Pipeline.__name__ == "Pipeline"
    assert issubclass(eventcoder.InputError, eventcoder.EventcoderError)
