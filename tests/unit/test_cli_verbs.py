"""Every verb of `gridapp` is found by name although its module loads only when used."""

import importlib

from click.testing import CliRunner

from gridapp.cli import VERBS, main


def test_every_command_defined_is_reachable_by_its_verb():
    for module_name in set(VERBS.values()):
        module = importlib.import_module(f"gridapp.cli.{module_name}")
        for command in module.COMMANDS:
            assert VERBS.get(command.name) == module_name, command.name


def test_help_lists_every_verb_and_sub_commands_added_by_other_modules():
    out = CliRunner().invoke(main, ["--help"]).output
    assert all(f"  {verb} " in out for verb in VERBS)
    out = CliRunner().invoke(main, ["import", "--help"]).output
    assert "history" in out and "hotline" in out
    assert CliRunner().invoke(main, ["nonsense"]).exit_code == 2
