"""What a running server imports: nothing that only training, a CLI command or an
unconfigured channel needs.

Each of these costs every worker megabytes of memory for good: scikit-learn and scipy
(about 90 MB, needed only to train the NLU models), textstat (pulls in nltk, scipy and
scikit-learn; ``dialogs check`` only) and python-telegram-bot (about 17 MB; only with a
Telegram bot token).
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from nlu.service import load_understander

ROOT = Path(__file__).resolve().parents[2]

#: Started like ``voordeur run``: the whole CLI parser, then the app and its lifespan.
SERVER = """
import json, sys
from bot.cli import build_parser
from bot.app import create_app
from config.settings import Settings
from fastapi.testclient import TestClient

build_parser()
settings = Settings(database_url=sys.argv[1], nlu_model_dir=sys.argv[2])
with TestClient(create_app(settings)) as client:
    client.get("/")  # the chat session cookie
    reply = client.post("/chat/send", json={"text": "ik heb hulp nodig met boodschappen"},
                        headers={"X-Voordeur-Chat": "1"})
    telegram = client.post("/webhooks/telegram", content=b"{}").status_code
heavy = sorted({m.split(".")[0] for m in sys.modules}
               & {"sklearn", "scipy", "textstat", "nltk", "telegram"})
print(json.dumps({"chat": reply.status_code, "telegram": telegram, "heavy": heavy}))
"""


def test_server_without_telegram_imports_no_training_cli_or_telegram_libraries(
    tmp_path: Path,
) -> None:
    models = tmp_path / "nlu"
    load_understander(model_dir=models)  # trains and saves both models beforehand
    out = subprocess.run(
        [sys.executable, "-c", SERVER, f"sqlite:///{tmp_path / 'app.db'}", str(models)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert out.returncode == 0, out.stderr[-3000:]
    result = json.loads(out.stdout.strip().splitlines()[-1])
    assert result["chat"] == 200, "the server reads and stores a message"
    assert result["telegram"] == 404, "no Telegram webhook without a bot token"
    assert result["heavy"] == []
