"""Project config: the settings a repository keeps beside its specs.

``settings_for`` is the one call the CLI and the Python API make per spec:
prfaqgen's defaults, then the nearest config file (``prfaqgen.toml`` or
``[tool.prfaqgen]`` in ``pyproject.toml``), then the caller's overrides
(command-line flags), each later one winning. It never prints or exits; a bad
config file is a ConfigError whose diagnostics name file, line and column.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import Any

from prfaqgen.config.discover import config_table, find_config
from prfaqgen.config.schema import config_keys, resolve_paths, validate_table
from prfaqgen.errors import ConfigError
from prfaqgen.settings import Settings

__all__ = ["ResolvedSettings", "find_config", "read_config", "settings_for"]

DEFAULT = "default"
COMMAND_LINE = "command line"


@dataclass(frozen=True)
class ConfigFile:
    """The settings one config file sets, and where (``FILE:LINE``) it sets each."""

    path: Path
    changes: dict[str, Any] = field(default_factory=dict)
    sources: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class ResolvedSettings:
    """Settings for one spec, and where each value came from.

    ``sources`` maps every Settings field to ``"default"``, ``"FILE:LINE"``
    (the config file) or ``"command line"`` (an override).
    """

    settings: Settings
    sources: Mapping[str, str]
    config_file: Path | None = None


def read_config(path: Path) -> ConfigFile:
    """Read and check one config file; every problem in it is in one ConfigError."""
    from prfaqgen.source.toml_reader import read_toml  # only when there is a config file

    source = read_toml(path)
    table, prefix = config_table(source)
    changes, problems = validate_table(source, table, prefix)
    if problems:
        raise ConfigError(sorted(problems))
    where = {key: f"{path}:{source.position((*prefix, key))[0]}" for key in changes}
    return ConfigFile(path, resolve_paths(changes, path.parent), where)


def settings_for(
    spec_path: str | Path | None = None,
    *,
    config_file: str | Path | None = None,
    use_config: bool = True,
    overrides: Mapping[str, Any] | None = None,
) -> ResolvedSettings:
    """The settings to render or check ``spec_path`` with.

    ``config_file`` names the config to use instead of searching from the
    spec's folder upward (``--config``); ``use_config=False`` ignores config
    files (``--no-config``). ``overrides`` are Settings fields given on the
    command line; their paths are taken as given (relative to the working
    folder). Without a spec, the search starts in the working folder.

    Raises ConfigError for an unreadable or invalid config file, TypeError for
    an override that is not a Settings field.
    """
    overrides = dict(overrides or {})
    unknown = sorted(set(overrides) - set(config_keys()))
    if unknown:
        raise TypeError(f"unknown setting {', '.join(unknown)}: use {', '.join(config_keys())}")
    path: Path | None = None
    if use_config:
        if config_file is not None:
            path = Path(config_file)
            if not path.is_file():
                raise ConfigError([_missing(path)])
        else:
            start = Path(spec_path).parent if spec_path is not None else Path.cwd()
            path = find_config(start if str(start) else Path.cwd())
    config = read_config(path) if path is not None else ConfigFile(Path())
    settings = Settings().with_changes(**config.changes).with_changes(**overrides)
    sources = {
        f.name: COMMAND_LINE if f.name in overrides else config.sources.get(f.name, DEFAULT)
        for f in fields(Settings)
    }
    return ResolvedSettings(settings, sources, path)


def _missing(path: Path) -> Any:
    from prfaqgen.diagnostics import Diagnostic

    return Diagnostic(
        str(path), 1, 1, "", "config file not found; check the --config path", origin="config"
    )
