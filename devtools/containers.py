"""The project's image and compose stack for real, with podman, on a Debian machine without Docker or Docker Hub.

What a test run does (tests/deploy, docs/deploy.md has the measured times and the reasons):
- a stand-in for ``python:3.11.11-slim-bookworm`` (Docker Hub cannot be reached): Debian bookworm's own Python 3.11
  in a venv at ``/opt/venv``, made with ``mmdebstrap`` from Debian's packages and imported into podman;
- the project's ``Dockerfile``, unchanged, built on it (``--from`` replaces its ``FROM``) in the docker format,
  which keeps the ``HEALTHCHECK`` (the OCI format drops it);
- a stand-in for ``nginx:1.27-alpine``: Debian's nginx on the same base, laid out like the official image;
- containers run as compose runs them (its limits, a read-only root, a tmpfs on ``/tmp``), and the compose file
  itself, run by podman-compose with two replicas; an override file only swaps in the stand-ins and a free port.

Podman's settings for this kind of machine are private to the run (``CONTAINERS_CONF``): its default open-file
limit is above what a process here may set, and crun refuses the host's mixed cgroup hierarchies (runc copes).
The default image store is used, never reset; everything made is named here and removed by name.
"""

from __future__ import annotations

import os
import resource
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[1]
COMPOSE_FILE = REPO_ROOT / "deploy" / "compose.yaml"
PODMAN = Path("/usr/bin/podman")
TOOLS = {"podman": PODMAN, "runc": Path("/usr/sbin/runc"), "mmdebstrap": Path("/usr/bin/mmdebstrap")}
DEBIAN_MIRROR = "http://deb.debian.org/debian"
HOST_CA_BUNDLE = Path("/etc/ssl/certs/ca-certificates.crt")
BASE_IMAGE = "localhost/botox-explorer-test-python:3.11-bookworm"
APP_IMAGE = "localhost/botox-explorer:test"
NGINX_IMAGE = "localhost/botox-explorer-test-nginx:bookworm"
RUN_LABEL = "botox-explorer.test=1"  # every container a test starts with ``podman run``
COMPOSE_PROJECT = "botox-explorer-test"
HEALTH_TIMEOUT = 90.0
PODMAN_NPROC_CEILING = 32768  # podman lowers its own process limit to this before starting a container

# The official nginx image's layout: its prefix is /etc/nginx (so the deploy config's relative cache path lands in
# the tmpfs compose mounts at /etc/nginx/cache) and its http block includes conf.d/*.conf.
NGINX_CONTAINERFILE = """\
FROM {base}
RUN apt-get update -qq \\
 && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends nginx-light wget >/dev/null \\
 && rm -rf /var/lib/apt/lists/* /etc/nginx/sites-enabled /etc/nginx/modules-enabled \\
 && ln -sf /dev/stdout /var/log/nginx/access.log && ln -sf /dev/stderr /var/log/nginx/error.log \\
 && mkdir -p /etc/nginx/cache /etc/nginx/conf.d && ln -s /etc/nginx/cache /usr/share/nginx/cache
COPY nginx.conf /etc/nginx/nginx.conf
EXPOSE 8080
STOPSIGNAL SIGQUIT
CMD ["nginx", "-g", "daemon off;"]
"""
NGINX_MAIN_CONF = """\
user www-data;
worker_processes auto;
error_log /var/log/nginx/error.log notice;
pid /run/nginx.pid;
events { worker_connections 1024; }
http {
    include /etc/nginx/mime.types;
    default_type application/octet-stream;
    sendfile on;
    keepalive_timeout 65;
    include /etc/nginx/conf.d/*.conf;
}
"""
# Only the images and the published port change; everything else is deploy/compose.yaml as written.
COMPOSE_OVERRIDE = """\
services:
  app:
    image: {app}
  proxy:
    image: {nginx}
    ports: !override
      - "127.0.0.1:{port}:8080"
"""


class ContainerError(RuntimeError):
    """A podman command failed or a condition was not met in time; the message says which and quotes its output."""


def missing_tools() -> list[str]:
    """The tools tests/deploy needs that are not installed (scripts/install-debian-packages.sh installs them)."""
    missing = [name for name, path in TOOLS.items() if not path.exists()]
    if not compose_command_path().exists():
        missing.append("podman-compose (requirements-dev.txt)")
    return missing


def compose_command_path() -> Path:
    """podman-compose as installed beside this interpreter (the project's venv)."""
    return Path(sys.executable).with_name("podman-compose")


def wait_for(condition: Callable[[], bool], timeout: float, what: str, interval: float = 0.25) -> float:
    """Seconds until ``condition()`` holds (checked every ``interval``); ContainerError naming ``what`` if not."""
    start = time.monotonic()
    while not condition():
        if time.monotonic() - start > timeout:
            raise ContainerError(f"not within {timeout:g} s: {what}")
        time.sleep(interval)
    return time.monotonic() - start


@dataclass
class Podman:
    """podman with this run's settings (in ``folder``); ``timings`` holds how long each build took."""

    folder: Path
    timings: dict[str, float] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.folder.mkdir(parents=True, exist_ok=True)
        nofile = hard_limit(resource.RLIMIT_NOFILE)
        nproc = min(hard_limit(resource.RLIMIT_NPROC), PODMAN_NPROC_CEILING)
        (self.folder / "containers.conf").write_text(
            "[containers]\n"
            f'default_ulimits = ["nofile={nofile}:{nofile}", "nproc={nproc}:{nproc}"]\n'
            '[engine]\nruntime = "runc"\n[network]\nnetwork_backend = "netavark"\n', encoding="utf-8")
        # Read by pip in the build's RUN steps (mounted there only): this machine's egress re-signs TLS.
        (self.folder / "pip.conf").write_text(f"[global]\ncert = {HOST_CA_BUNDLE}\n", encoding="utf-8")
        self.env = {**os.environ, "CONTAINERS_CONF": str(self.folder / "containers.conf")}

    def __call__(self, *args: str, timeout: float = 300, check: bool = True) -> subprocess.CompletedProcess[str]:
        return self.run([str(PODMAN), *args], timeout=timeout, check=check)

    def run(self, command: list[str], timeout: float = 300, check: bool = True,
            cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
        result = subprocess.run(command, env=self.env, capture_output=True, text=True, timeout=timeout,
                                stdin=subprocess.DEVNULL, cwd=cwd, check=False)
        if check and result.returncode:
            raise ContainerError(f"{' '.join(command)} exited with {result.returncode}:\n"
                                 f"{result.stdout[-2000:]}\n{result.stderr[-4000:]}")
        return result

    def timed(self, name: str, action: Callable[[], object]) -> None:
        start = time.monotonic()
        action()
        self.timings[name] = time.monotonic() - start

    # --- images -------------------------------------------------------------------------------------------------

    def build_base(self) -> None:
        """The stand-in Python base: Debian bookworm (minbase) with python3 and a venv at /opt/venv first on PATH,
        so ``pip install`` in the Dockerfile installs into it (Debian's own Python refuses, PEP 668)."""
        rootfs = self.folder / "rootfs.tar"
        self.run(["mmdebstrap", "--quiet", "--variant=minbase", "--mode=root",
                  "--include=python3,python3-venv,ca-certificates", "--dpkgopt=force-unsafe-io",
                  "--dpkgopt=path-exclude=/usr/share/man/*", "--dpkgopt=path-exclude=/usr/share/doc/*",
                  "--dpkgopt=path-exclude=/usr/share/locale/*",
                  '--customize-hook=chroot "$1" ln -sf /usr/bin/python3 /usr/local/bin/python',
                  '--customize-hook=chroot "$1" python3 -m venv /opt/venv',
                  "bookworm", str(rootfs), DEBIAN_MIRROR], timeout=600)
        self("import", "--quiet",
             "--change", "ENV PATH=/opt/venv/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin",
             "--change", "ENV LANG=C.UTF-8", "--change", 'CMD ["python3"]', str(rootfs), BASE_IMAGE)
        rootfs.unlink()

    def build_app(self) -> None:
        """The Dockerfile as written, its FROM replaced by the stand-in; the host's CA bundle and a pip.conf
        naming it are mounted for the RUN steps only, not kept in the image. The RUN steps use the host's network:
        the builds run beside the browser tests, and a container network appearing makes Chromium drop its
        requests (ERR_NETWORK_CHANGED)."""
        self("build", "--quiet", "--layers=false", "--format", "docker", "--network", "host", "--from", BASE_IMAGE,
             "-v", f"{HOST_CA_BUNDLE}:{HOST_CA_BUNDLE}:ro", "-v", f"{self.folder / 'pip.conf'}:/etc/pip.conf:ro",
             "-t", APP_IMAGE, str(REPO_ROOT), timeout=900)

    def build_nginx(self) -> None:
        context = self.folder / "nginx-image"
        context.mkdir(exist_ok=True)
        (context / "Containerfile").write_text(NGINX_CONTAINERFILE.format(base=BASE_IMAGE), encoding="utf-8")
        (context / "nginx.conf").write_text(NGINX_MAIN_CONF, encoding="utf-8")
        self("build", "--quiet", "--layers=false", "--format", "docker", "--network", "host", "-t", NGINX_IMAGE,
             str(context),
             timeout=600)

    def build_all(self, reuse: bool = False) -> None:
        """Build the three images (with ``reuse``, only those not there yet)."""
        builds = (("base", BASE_IMAGE, self.build_base), ("app", APP_IMAGE, self.build_app),
                  ("nginx", NGINX_IMAGE, self.build_nginx))
        for name, image, build in builds:
            if not (reuse and self("image", "exists", image, check=False).returncode == 0):
                self.timed(name, build)

    def remove_images(self) -> None:
        self("rmi", "-f", APP_IMAGE, NGINX_IMAGE, BASE_IMAGE, check=False)

    # --- containers ---------------------------------------------------------------------------------------------

    def start(self, name: str, *options: str, image: str = APP_IMAGE, port: int | None = None) -> None:
        """``podman run -d`` the image as compose runs a replica: its limits, a read-only root, a tmpfs on /tmp
        and nowhere else (podman's ``--read-only`` alone also mounts one on /var/tmp and /run; Docker's does not).
        ``options`` come after these, so a test can add to them."""
        publish = ["-p", f"127.0.0.1:{port}:8501"] if port else []
        self("run", "-d", "--name", name, "--label", RUN_LABEL, "--read-only", "--read-only-tmpfs=false",
             "--tmpfs", "/tmp",
             "--memory", "768m", "--cpus", "1.0", "-e", "STREAMLIT_BROWSER_GATHER_USAGE_STATS=false",
             *publish, *options, image)

    def healthy(self, name: str) -> bool:
        """The image's own HEALTHCHECK, run now (no systemd here to run it on its interval)."""
        return self("healthcheck", "run", name, check=False, timeout=30).returncode == 0

    def wait_healthy(self, name: str, timeout: float = HEALTH_TIMEOUT) -> float:
        try:
            return wait_for(lambda: self.healthy(name), timeout, f"{name} healthy")
        except ContainerError as error:
            raise ContainerError(f"{error}; its log:\n{self.logs(name)}") from None

    def logs(self, name: str) -> str:
        result = self("logs", "--tail", "40", name, check=False)
        return result.stdout + result.stderr

    def remove(self, *names: str) -> None:
        if names:
            self("rm", "-f", "-t", "5", *names, check=False)

    def remove_test_containers(self) -> None:
        """Every container a test started with ``start`` (this run's or a run that was interrupted)."""
        listed = self("ps", "-aq", "--filter", f"label={RUN_LABEL}", check=False).stdout.split()
        self.remove(*listed)

    # --- compose ------------------------------------------------------------------------------------------------

    def compose(self, port: int, *args: str, timeout: float = 300) -> subprocess.CompletedProcess[str]:
        override = self.folder / "compose.override.yaml"
        override.write_text(COMPOSE_OVERRIDE.format(app=APP_IMAGE, nginx=NGINX_IMAGE, port=port), encoding="utf-8")
        command = [str(compose_command_path()), "--project-name", COMPOSE_PROJECT, "-f", str(COMPOSE_FILE),
                   "-f", str(override), *args]
        return self.run(command, timeout=timeout, cwd=REPO_ROOT)

    def compose_up(self, port: int, replicas: int = 2) -> None:
        self.compose(port, "up", "-d", "--no-build", "--scale", f"app={replicas}")

    def compose_containers(self, service: str) -> list[str]:
        """The names of a compose service's containers, in replica order."""
        result = self("ps", "-a", "--format", "{{.Names}}",
                      "--filter", f"label=io.podman.compose.project={COMPOSE_PROJECT}",
                      "--filter", f"label=com.docker.compose.service={service}")
        return sorted(result.stdout.split())

    def compose_down(self) -> None:
        """Remove the stack's containers, network and pod by its label and names: ``down`` without ``--scale``
        leaves a replica behind (seen with podman-compose 1.6.0)."""
        listed = self("ps", "-aq", "--filter", f"label=io.podman.compose.project={COMPOSE_PROJECT}",
                      check=False).stdout.split()
        self.remove(*listed)
        self("pod", "rm", "-f", f"pod_{COMPOSE_PROJECT}", check=False)
        self("network", "rm", "-f", f"{COMPOSE_PROJECT}_default", check=False)

    def sent_bytes(self, name: str) -> int:
        """Bytes the container has sent on its network interfaces (not loopback), from its own /proc/net/dev."""
        text = self("exec", name, "cat", "/proc/net/dev").stdout
        rows = [line.split(":", 1) for line in text.splitlines() if ":" in line]
        return sum(int(counters.split()[8]) for interface, counters in rows if interface.strip() != "lo")


def hard_limit(which: int) -> int:
    """This process's hard limit (open files, processes); a large number when unlimited."""
    limit = resource.getrlimit(which)[1]
    return 1 << 20 if limit == resource.RLIM_INFINITY else limit
