"""The deployment files, checked without a Docker engine (none runs on the build machines): the image's recipe,
what it leaves out, the compose file and the Kubernetes manifests, and the proxy's policy against the content."""

from __future__ import annotations

import base64
import hashlib
import re
from pathlib import Path

import kubernetes_validate
import pytest
import yaml

from botox_explorer.guide.__main__ import main
from botox_explorer.models import LANGUAGES, MAP_TILE_HOSTS
from botox_explorer.ui.focus import FOCUS_SCRIPT
from botox_explorer.ui.language import page_language_script
from botox_explorer.ui.paging import PAGING_SCRIPT

ROOT = Path(__file__).resolve().parents[1]
DEPLOY = ROOT / "deploy"
APP_NAME = "botox-explorer"  # the Kubernetes objects' name
GUIDE_START = f"{APP_NAME}-guide-start"  # the Ingress that sends /guide/ to the guide's start page


def instructions(dockerfile: Path) -> list[tuple[str, str]]:
    """(INSTRUCTION, arguments) for each instruction, with continued lines joined and comments dropped."""
    joined = re.sub(r"\\\n\s*", " ", dockerfile.read_text(encoding="utf-8"))
    found = []
    for line in joined.splitlines():
        line = line.strip()
        if line and not line.startswith("#"):
            keyword, _, rest = line.partition(" ")
            found.append((keyword.upper(), rest.strip()))
    return found


@pytest.fixture(scope="module")
def dockerfile() -> list[tuple[str, str]]:
    return instructions(ROOT / "Dockerfile")


def test_the_image_starts_from_a_pinned_slim_python(dockerfile):
    [base] = [args for keyword, args in dockerfile if keyword == "FROM"]
    assert re.fullmatch(r"python:3\.11\.\d+-slim-\w+", base), base


def test_the_image_installs_the_pinned_requirements_before_copying_the_code(dockerfile):
    keywords = [(keyword, args) for keyword, args in dockerfile if keyword in ("COPY", "RUN")]
    assert keywords[0] == ("COPY", "requirements.txt ./")
    assert keywords[1] == ("RUN", "pip install --no-cache-dir -r requirements.txt")
    for line in (ROOT / "requirements.txt").read_text().splitlines():
        if line and not line.startswith("#"):
            assert re.fullmatch(r"[\w.-]+==[\w.]+", line), f"not pinned: {line}"


def test_the_image_copies_what_the_app_needs_and_all_of_it_exists(dockerfile):
    copied = {args.split()[0].rstrip("/") for keyword, args in dockerfile if keyword == "COPY"}
    assert copied == {"requirements.txt", "app.py", ".streamlit", "assets", "botox_explorer", "data", "pages"}
    assert all((ROOT / path).exists() for path in copied)


def test_the_image_builds_the_guide_from_its_content_and_serves_that_one(dockerfile, tmp_path):
    [build] = [args for keyword, args in dockerfile if keyword == "RUN" and "botox_explorer.guide" in args]
    command = build.split(" ${", 1)[0].split()
    assert command[:4] == ["python", "-m", "botox_explorer.guide", "build"]
    output = command[command.index("--output") + 1]
    assert ("ENV", f"BOTOX_EXPLORER_GUIDE={output}") in dockerfile
    copied_data = max(n for n, (keyword, args) in enumerate(dockerfile) if keyword == "COPY")
    assert dockerfile.index(("RUN", build)) > copied_data, "the guide is built from the copied content"
    command[command.index("--output") + 1] = str(tmp_path / "guide")
    assert main(command[3:]) == 0 and (tmp_path / "guide" / "es" / "index.html").is_file()


def test_the_app_runs_as_a_user_without_privileges(dockerfile):
    users = [args for keyword, args in dockerfile if keyword == "USER"]
    assert users and users[-1] not in ("root", "0")
    last_user = max(n for n, (keyword, _) in enumerate(dockerfile) if keyword == "USER")
    assert all(keyword != "RUN" for keyword, _ in dockerfile[last_user:]), "nothing runs as root after USER"


def test_the_command_is_the_readme_launcher_and_health_is_checked(dockerfile):
    [command] = [args for keyword, args in dockerfile if keyword == "CMD"]
    assert command.startswith('["python", "-m", "botox_explorer.ui.launch"')
    assert '"--server.address", "0.0.0.0"' in command
    [health] = [args for keyword, args in dockerfile if keyword == "HEALTHCHECK"]
    assert "/_stcore/health" in health and health.startswith("--interval=")


def test_the_build_context_leaves_out_the_developer_machine():
    ignored = set((ROOT / ".dockerignore").read_text().split())
    assert {".git", ".venv", "tests", "mutants", "bench"} <= ignored
    assert not ({"data", "pages", "botox_explorer", "assets", "requirements.txt"} & ignored)


def test_compose_runs_replicas_behind_the_proxy_with_its_config():
    compose = yaml.safe_load((DEPLOY / "compose.yaml").read_text())
    app, proxy = compose["services"]["app"], compose["services"]["proxy"]
    assert app["deploy"]["replicas"] >= 2
    assert "http://127.0.0.1:8501/_stcore/health" in " ".join(app["healthcheck"]["test"])
    mounts = " ".join(proxy["volumes"])
    assert "./nginx/botox-explorer.conf:/etc/nginx/conf.d/botox-explorer.conf" in mounts
    assert "./nginx/security-headers.inc:/etc/nginx/conf.d/security-headers.inc" in mounts
    assert proxy["depends_on"]["app"]["condition"] == "service_healthy"


def test_kubernetes_probes_the_health_endpoint_and_keeps_visitors_on_their_pod():
    manifests = (DEPLOY / "kubernetes" / "botox-explorer.yaml").read_text()
    documents = {doc["kind"]: doc for doc in yaml.safe_load_all(manifests) if doc["metadata"]["name"] != GUIDE_START}
    container = documents["Deployment"]["spec"]["template"]["spec"]["containers"][0]
    for probe in ("readinessProbe", "livenessProbe"):
        assert container[probe]["httpGet"]["path"] == "/_stcore/health"
    assert documents["Deployment"]["spec"]["template"]["spec"]["securityContext"]["runAsNonRoot"] is True
    annotations = documents["Ingress"]["metadata"]["annotations"]
    assert annotations["nginx.ingress.kubernetes.io/affinity"] == "cookie"
    assert documents["Service"]["spec"]["sessionAffinity"] == "ClientIP"
    headers = documents["ConfigMap"]["data"]
    proxy_policy = re.search(r'Content-Security-Policy "([^"]+)"',
                             (DEPLOY / "nginx" / "security-headers.inc").read_text()).group(1)
    assert headers["Content-Security-Policy"] == proxy_policy, "the same policy behind either proxy"


def test_kubernetes_sends_the_guide_folder_to_its_start_page_on_the_same_host():
    manifests = list(yaml.safe_load_all((DEPLOY / "kubernetes" / "botox-explorer.yaml").read_text()))
    [main] = [doc for doc in manifests if doc["kind"] == "Ingress" and doc["metadata"]["name"] == APP_NAME]
    [start] = [doc for doc in manifests if doc["metadata"]["name"] == GUIDE_START]
    host = main["spec"]["rules"][0]["host"]
    target = start["metadata"]["annotations"]["nginx.ingress.kubernetes.io/permanent-redirect"]
    assert target == f"https://{host}/guide/index.html"
    assert [rule["host"] for rule in start["spec"]["rules"]] == [host]
    assert {p["path"] for p in start["spec"]["rules"][0]["http"]["paths"]} == {"/guide", "/guide/"}
    assert all(p["pathType"] == "Exact" for p in start["spec"]["rules"][0]["http"]["paths"])


def test_the_policy_allows_the_map_provider_the_clinic_chose(real_content):
    policy = (DEPLOY / "nginx" / "security-headers.inc").read_text()
    directives = dict(part.strip().split(" ", 1) for part in re.search(r'Content-Security-Policy "([^"]+)"',
                                                                        policy).group(1).split(";"))
    for host in MAP_TILE_HOSTS[real_content.clinic.map_tiles]:
        assert host in directives["img-src"] and host in directives["connect-src"]


def test_the_policy_allows_exactly_the_dashboards_own_scripts_by_their_hash():
    """The page-language scripts, the script that brings an opened use into view and the presenter's paging script,
    and nothing else."""
    policy = re.search(r'Content-Security-Policy "([^"]+)"', (DEPLOY / "nginx" / "security-headers.inc").read_text())
    script_src = dict(part.strip().split(" ", 1) for part in policy.group(1).split(";"))["script-src"].split()
    scripts = [*(page_language_script(language) for language in LANGUAGES), FOCUS_SCRIPT, PAGING_SCRIPT]
    hashes = {"'sha256-" + base64.b64encode(hashlib.sha256(script.encode()).digest()).decode() + "'"
              for script in scripts}
    assert set(script_src) == {"'self'", "'wasm-unsafe-eval'"} | hashes


KUBERNETES_VERSION = "1.37.0"  # the cluster version docs/deploy.md names


def kubernetes_documents() -> list[dict]:
    return list(yaml.safe_load_all((DEPLOY / "kubernetes" / "botox-explorer.yaml").read_text()))


def of_kind(kind: str) -> list[dict]:
    return [document for document in kubernetes_documents() if document["kind"] == kind]


def test_kubernetes_manifests_validate_against_the_cluster_version():
    assert f"Kubernetes {KUBERNETES_VERSION.rsplit('.', 1)[0]}" in (ROOT / "docs" / "deploy.md").read_text()
    for document in kubernetes_documents():
        kubernetes_validate.validate(document, KUBERNETES_VERSION, strict=True)


def test_kubernetes_never_takes_every_pod_down_in_an_update_or_a_drain():
    [deployment] = of_kind("Deployment")
    assert deployment["spec"]["replicas"] >= 2
    assert deployment["spec"]["strategy"] == {"type": "RollingUpdate",
                                              "rollingUpdate": {"maxUnavailable": 0, "maxSurge": 1}}
    [budget] = of_kind("PodDisruptionBudget")
    assert budget["spec"]["selector"] == deployment["spec"]["selector"]
    assert budget["spec"]["maxUnavailable"] == 1 < deployment["spec"]["replicas"]


def test_kubernetes_pods_have_their_limits_and_a_read_only_root():
    [deployment] = of_kind("Deployment")
    pod = deployment["spec"]["template"]["spec"]
    assert pod["securityContext"] == {"runAsNonRoot": True, "runAsUser": 10001}
    for container in pod["containers"]:
        assert set(container["resources"]["requests"]) == set(container["resources"]["limits"]) == {"cpu", "memory"}
        assert container["securityContext"]["readOnlyRootFilesystem"] is True
        assert {"name": "tmp", "mountPath": "/tmp"} in container["volumeMounts"]
