"""regwatch nightly (lock, exit codes, log file) and regwatch schedule (systemd, cron)."""

import json
import os
import shutil
import subprocess
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import click
import pytest
from conftest import REPO, free_port, regwatch

from crawler.lock import archive_lock
from crawler.nightly import (
    BEGIN,
    END,
    cron_line,
    due,
    regwatch_executable,
    systemd_units,
    without_block,
)

NIGHTS = REPO / "demo" / "nights"
UNIT_SERVICE = "regwatch-nightly.service"


def nightly(folder, *extra, night="2025-11-08"):
    (folder / "regwatch.toml").touch()  # an empty configuration: defaults, no mail
    return regwatch("nightly", "--mirror", str(NIGHTS / night), "--as-of", night,
                    "--db", str(folder / "a.db"), *extra, cwd=folder)


def test_nightly_runs_logs_to_a_file_and_prints_a_summary(tmp_path):
    assert nightly(tmp_path, night="2025-10-09").returncode == 0
    result = nightly(tmp_path)
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""  # Scrapy's log goes to the file, not to the scheduler's mail
    assert "run 2025-11-08-001" in result.stdout and "6 status_changed" in result.stdout
    log = (tmp_path / "regwatch.log").read_text(encoding="utf-8")
    assert "broken page shell (SSI error)" in log and "Spider closed" in log
    report = json.loads((tmp_path / "diff_reports" / "2025-11-08-001.json").read_text())
    assert sum(c["kind"] == "status_changed" for c in report["changes"]) == 6


def test_a_second_nightly_while_one_runs_exits_3_with_one_line(tmp_path):
    with archive_lock(tmp_path / "a.db"):
        result = nightly(tmp_path)
        waited = nightly(tmp_path, "--wait", "0.5")
    assert result.returncode == 3 and waited.returncode == 3
    assert result.stderr.strip().count("\n") == 0 and "locked" in result.stderr
    assert "Traceback" not in result.stderr
    assert not (tmp_path / "diff_reports").exists()  # it did nothing
    log = (tmp_path / "regwatch.log").read_text(encoding="utf-8")
    assert log.count("is locked by a running regwatch") == 2 and "nightly: exit 3" in log
    assert nightly(tmp_path).returncode == 0  # the lock is free again



def test_a_night_that_cannot_run_logs_why_and_its_exit(tmp_path):
    """An evidence folder that cannot be made stops the night before it starts: one line on
    stderr, and the same error and the exit status in regwatch.log (a scheduler discards the
    output)."""
    (tmp_path / "afile").write_text("not a folder")
    (tmp_path / "bad.toml").write_text(f'evidence_dir = "{tmp_path / "afile" / "ev"}"\n',
                                       encoding="utf-8")
    result = regwatch("nightly", "--mirror", str(NIGHTS / "2025-10-09"), "--as-of", "2025-10-09",
                      "--db", str(tmp_path / "a.db"), "--config", str(tmp_path / "bad.toml"),
                      cwd=tmp_path)
    assert result.returncode == 1 and "cannot create evidence folder" in result.stderr
    log = (tmp_path / "regwatch.log").read_text(encoding="utf-8")
    assert "nightly: cannot create evidence folder" in log and "nightly: exit 1" in log
    # refused before anything was written: no archive file, no lock file
    assert not (tmp_path / "a.db").exists() and not list(tmp_path.glob("*.lock"))


def test_bad_configuration_is_one_line_and_exit_1(tmp_path):
    (tmp_path / "bad.toml").write_text("[mail]\nsmtp_port = 'abc'\n", encoding="utf-8")
    result = nightly(tmp_path, "--config", str(tmp_path / "bad.toml"))
    assert result.returncode == 1
    assert "smtp_port" in result.stderr and result.stderr.strip().count("\n") == 0


def test_systemd_units_run_nightly_at_the_time_and_zone(tmp_path):
    units = systemd_units(tmp_path, "02:30", "Asia/Shanghai")
    assert "OnCalendar=*-*-* 02:30:00 Asia/Shanghai" in units["regwatch-nightly.timer"]
    assert f"WorkingDirectory={tmp_path}" in units["regwatch-nightly.service"]
    assert "regwatch nightly" in units["regwatch-nightly.service"]
    # the password comes from the user's file outside the repository (optional: "-")
    env_file = Path("~/.config/regwatch/env").expanduser()
    assert f"EnvironmentFile=-{env_file}" in units["regwatch-nightly.service"]


def test_systemd_units_write_paths_as_systemd_reads_them(tmp_path):
    """systemd expands %-specifiers in WorkingDirectory=, EnvironmentFile= and ExecStart=, and
    reads quotes, backslashes and $VARIABLES in ExecStart='s arguments: a working folder with a %
    and a space, a configuration file with $, a backslash and quotes in its name reach the job as
    they are (systemd-analyze verify, where it is installed, finds the program the unit names)."""
    work = tmp_path / "50%Z off"
    (work / "bin").mkdir(parents=True)
    program = work / "bin" / "regwatch"
    program.write_text("#!/bin/sh\n", encoding="utf-8")
    program.chmod(0o755)
    config = work / 'conf $HOME\\x "q".toml'
    env_file = tmp_path / "my %h env" / "env"
    units = systemd_units(work, "02:30", "Europe/Berlin", program, env_file, config)
    service = units["regwatch-nightly.service"]
    escaped = str(work).replace("%", "%%")
    assert f"\nWorkingDirectory={escaped}\n" in service
    assert f"\nEnvironmentFile=-{tmp_path}/my %%h env/env\n" in service
    assert (f'\nExecStart="{escaped}/bin/regwatch" nightly --config '
            f'"{escaped}/conf $$HOME\\\\x \\"q\\".toml"\n') in service
    if shutil.which("systemd-analyze"):
        folder = tmp_path / "units"
        folder.mkdir()
        for name, text in units.items():
            (folder / name).write_text(text, encoding="utf-8")
        verified = subprocess.run(["systemd-analyze", "verify", *map(str, folder.iterdir())],
                                  capture_output=True, text=True)
        said = verified.stdout + verified.stderr
        assert verified.returncode == 0 and "specifier" not in said, said
        program.unlink()  # the check is real: a unit naming a missing program fails it
        assert subprocess.run(["systemd-analyze", "verify", str(folder / UNIT_SERVICE)],
                              capture_output=True).returncode != 0
    for bad, refusal in ((tmp_path / "a\\b" / "regwatch", "quote or a backslash"),
                         (tmp_path / "a\nb" / "regwatch", "control character")):
        with pytest.raises(click.ClickException, match=refusal):
            systemd_units(work, "02:30", "UTC", bad, env_file)


def test_schedule_says_how_the_secret_reaches_the_job_and_never_takes_it_from_the_repo(tmp_path):
    env = {**os.environ, "HOME": str(tmp_path)}
    work = tmp_path / "work"
    work.mkdir()

    def schedule(*args):
        return regwatch("schedule", *args, "--workdir", str(work), cwd=work, env=env)

    result = schedule("--systemd")
    assert result.returncode == 0, result.stderr
    secrets = tmp_path / ".config" / "regwatch" / "env"
    assert f"EnvironmentFile=-{secrets}" in result.stdout
    assert f"install -m 600 /dev/null {secrets}" in result.stdout
    assert "loginctl enable-linger" in result.stdout  # a user timer on a headless server
    result = schedule("--cron")
    assert f" --env-file {secrets} >/dev/null" in result.stdout  # read, never sourced
    assert "set -a" not in result.stdout and "install -m 600" in result.stdout
    secrets.parent.mkdir(parents=True)
    secrets.write_text("REGWATCH_SMTP_PASSWORD=x\n", encoding="utf-8")
    secrets.chmod(0o644)
    result = schedule("--cron")
    assert f"readable by others (mode 644): chmod 600 {secrets}" in result.stdout
    assert "REGWATCH_SMTP_PASSWORD=x" not in result.stdout  # the secret is never printed
    (tmp_path / "repo" / ".git").mkdir(parents=True)
    for env_file, where in ((work / "secrets.env", "in the working folder"),
                            (work / "secrets" / "env", "in the working folder"),
                            (tmp_path / "repo" / "conf" / "env", "in the git repository")):
        refused = schedule("--cron", "--env-file", str(env_file))
        assert refused.returncode == 1 and refused.stdout == "" and where in refused.stderr
        assert refused.stderr.strip().count("\n") == 0


def test_schedule_refuses_a_regwatch_that_does_not_exist(tmp_path):
    (tmp_path / "bin").mkdir()
    python = tmp_path / "bin" / "python3"  # a Python with no regwatch beside it, none on PATH
    with pytest.raises(click.ClickException, match=f"no regwatch executable at {tmp_path}"):
        regwatch_executable(python, path=str(tmp_path / "bin"))
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (elsewhere / "regwatch").write_text("#!/bin/sh\n", encoding="utf-8")
    (elsewhere / "regwatch").chmod(0o755)
    program, note = regwatch_executable(python, path=str(elsewhere))
    assert program == elsewhere / "regwatch" and "the one on PATH" in note
    (tmp_path / "bin" / "regwatch").write_text("#!/bin/sh\n", encoding="utf-8")
    (tmp_path / "bin" / "regwatch").chmod(0o755)
    assert regwatch_executable(python, path=str(elsewhere)) == (tmp_path / "bin" / "regwatch",
                                                                 None)


def fake_tool(folder: Path, name: str, script: str) -> Path:
    """An executable shell script `name` in folder/fakebin; the folder."""
    bin_dir = folder / "fakebin"
    bin_dir.mkdir(exist_ok=True)
    (bin_dir / name).write_text(f"#!/bin/sh\nPATH=/usr/bin:/bin\n{script}", encoding="utf-8")
    (bin_dir / name).chmod(0o755)
    return bin_dir


def fake_systemctl(folder: Path, status: int) -> str:
    """A PATH whose systemctl only answers with `status` (and a user bus's error when not 0),
    writing its arguments a line each to folder/systemctl.calls."""
    bin_dir = fake_tool(folder, "systemctl", f'echo "$*" >> {folder / "systemctl.calls"}\n' + (
        "" if status == 0 else "echo 'Failed to connect to bus: No medium found' >&2\n")
        + f"exit {status}\n")
    return f"{bin_dir}:/usr/bin:/bin"


def fake_crontab(folder: Path) -> str:
    """A PATH whose crontab keeps the user's crontab in folder/crontab (-l, -r, or - to read
    it from stdin, as cron's crontab does)."""
    table = folder / "crontab"
    bin_dir = fake_tool(folder, "crontab", f"""case "$1" in
  -l) [ -f {table} ] || {{ echo "no crontab for $USER" >&2; exit 1; }}; cat {table} ;;
  -r) rm {table} ;;
  -) cat > {table} ;;
  *) exit 2 ;;
esac
""")
    return f"{bin_dir}:/usr/bin:/bin"


def test_schedule_install_writes_user_units(tmp_path):
    env = {**os.environ, "XDG_CONFIG_HOME": str(tmp_path / "config"),
           "PATH": fake_systemctl(tmp_path, 0)}
    result = regwatch("schedule", "--systemd", "--at", "3:05", "--install", "--workdir",
                      str(tmp_path), cwd=tmp_path, env=env)
    assert result.returncode == 0, result.stderr
    timer = tmp_path / "config" / "systemd" / "user" / "regwatch-nightly.timer"
    assert "OnCalendar=*-*-* 03:05:00 Asia/Shanghai" in timer.read_text(encoding="utf-8")
    assert "systemctl --user enable --now regwatch-nightly.timer: ok" in result.stdout


def test_schedule_install_that_cannot_enable_the_timer_says_so_and_exits_1(tmp_path):
    """No user systemd to talk to (a container, a session without a bus): the units are written
    but the timer does not run; that is a failure in one line, not an exit 0."""
    env = {**os.environ, "XDG_CONFIG_HOME": str(tmp_path / "config"),
           "PATH": fake_systemctl(tmp_path, 1)}
    (tmp_path / "regwatch.toml").touch()
    result = regwatch("schedule", "--systemd", "--install", "--workdir", str(tmp_path),
                      cwd=tmp_path, env=env)
    assert result.returncode == 1
    [line] = result.stderr.strip().splitlines()
    assert line.startswith("Error: systemctl --user daemon-reload failed (Failed to connect to "
                           "bus: No medium found): the timer is not enabled"), line
    assert (tmp_path / "config" / "systemd" / "user" / "regwatch-nightly.timer").exists()


def uninstall_env(tmp_path: Path, path: str) -> tuple[dict[str, str], Path]:
    """The environment of a user whose HOME and XDG_CONFIG_HOME are in tmp_path, with this
    PATH, and their working folder (with a regwatch.toml)."""
    work = tmp_path / "work"
    work.mkdir()
    (work / "regwatch.toml").touch()
    return {**os.environ, "HOME": str(tmp_path / "home"), "PATH": path,
            "XDG_CONFIG_HOME": str(tmp_path / "home" / ".config")}, work


def test_schedule_uninstall_takes_its_block_out_of_the_crontab_and_keeps_the_rest(tmp_path):
    """--uninstall removes the lines --install added, nothing else; said in one line; when
    there is nothing (again) it says so, exit 0; a block whose end marker is gone is refused,
    the crontab left as it is."""
    env, work = uninstall_env(tmp_path, fake_crontab(tmp_path))
    users = "MAILTO=me\n0 1 * * * backup\n"
    (tmp_path / "crontab").write_text(users, encoding="utf-8")

    def schedule(*args):
        return regwatch("schedule", "--cron", *args, "--workdir", str(work), cwd=work, env=env)

    assert schedule("--install").returncode == 0
    assert BEGIN in (tmp_path / "crontab").read_text(encoding="utf-8")
    removed = schedule("--uninstall")
    assert removed.returncode == 0, removed.stderr
    assert removed.stdout == "removed the regwatch-nightly block (5 lines) from your crontab\n"
    assert (tmp_path / "crontab").read_text(encoding="utf-8") == users
    again = schedule("--uninstall")
    assert (again.returncode, again.stderr) == (0, "")
    assert again.stdout == "no regwatch block in your crontab: nothing to remove\n"
    (tmp_path / "crontab").unlink()  # no crontab at all
    assert "nothing to remove" in schedule("--uninstall").stdout
    broken = f"{users}{BEGIN}\n30 * * * * regwatch nightly\n15 3 * * * mine\n"
    (tmp_path / "crontab").write_text(broken, encoding="utf-8")
    refused = schedule("--uninstall")
    assert refused.returncode == 1 and refused.stderr.strip().count("\n") == 0
    assert "but not '# <<< regwatch-nightly'" in refused.stderr
    assert (tmp_path / "crontab").read_text(encoding="utf-8") == broken


def test_schedule_uninstall_stops_the_timer_then_removes_the_units(tmp_path):
    """Where systemctl answers: disable --now the timer, delete the unit files (and the timer's
    link enable made), daemon-reload; a line each. Nothing installed: said, exit 0, systemctl
    left alone; with neither --systemd nor --cron, both are looked at."""
    fake_crontab(tmp_path)
    env, work = uninstall_env(tmp_path, fake_systemctl(tmp_path, 0))

    def schedule(*args):
        return regwatch("schedule", *args, "--workdir", str(work), cwd=work, env=env)

    assert schedule("--systemd", "--install").returncode == 0
    units = tmp_path / "home" / ".config" / "systemd" / "user"
    link = units / "timers.target.wants" / "regwatch-nightly.timer"
    link.parent.mkdir()
    link.symlink_to(units / "regwatch-nightly.timer")  # what `systemctl enable` links
    (tmp_path / "systemctl.calls").unlink()
    removed = schedule("--systemd", "--uninstall")
    assert removed.returncode == 0, removed.stderr
    assert removed.stdout.splitlines() == [
        "stopped and disabled regwatch-nightly.timer", f"removed {units}/regwatch-nightly.timer",
        f"removed {units}/regwatch-nightly.service", f"removed {link}",
        "systemctl --user daemon-reload: ok"]
    assert (tmp_path / "systemctl.calls").read_text(encoding="utf-8").splitlines() == [
        "--user disable --now regwatch-nightly.timer", "--user daemon-reload"]
    assert list(units.rglob("*")) == [link.parent]
    (tmp_path / "systemctl.calls").unlink()
    nothing = schedule("--uninstall")  # both kinds
    assert (nothing.returncode, nothing.stderr) == (0, "")
    assert nothing.stdout.splitlines() == [
        "no regwatch block in your crontab: nothing to remove",
        f"no regwatch-nightly units in {units}: nothing to remove"]
    assert not (tmp_path / "systemctl.calls").exists()
    both = schedule("--systemd", "--install", "--uninstall")
    assert both.returncode == 2 and "choose --install or --uninstall" in both.stderr


def test_schedule_uninstall_without_a_user_systemd(tmp_path):
    """systemctl failing (no user bus): the units are still deleted, then one line says the
    timer could not be stopped and how to, exit 1. No systemctl at all: deleted, said, exit 0."""
    env, work = uninstall_env(tmp_path, fake_systemctl(tmp_path, 1))
    units = tmp_path / "home" / ".config" / "systemd" / "user"

    def uninstall():
        units.mkdir(parents=True, exist_ok=True)
        for name, text in systemd_units(work, "02:30", "UTC", Path(sys.executable)).items():
            (units / name).write_text(text, encoding="utf-8")
        result = regwatch("schedule", "--systemd", "--uninstall", cwd=work, env=env)
        assert not list(units.iterdir())
        return result

    failed = uninstall()
    assert failed.returncode == 1 and failed.stdout.splitlines() == [
        f"removed {units}/regwatch-nightly.timer", f"removed {units}/regwatch-nightly.service"]
    [line] = failed.stderr.strip().splitlines()
    assert line.startswith("Error: systemctl --user disable --now regwatch-nightly.timer failed "
                           "(Failed to connect to bus: No medium found): the units are removed, "
                           "but a user systemd may still hold the timer"), line
    env["PATH"] = str(tmp_path / "work")  # no systemctl (nor anything else) on PATH
    alone = uninstall()
    assert (alone.returncode, alone.stderr) == (0, "")
    assert alone.stdout.splitlines() == [
        "systemctl not found: no user systemd to stop regwatch-nightly.timer",
        f"removed {units}/regwatch-nightly.timer", f"removed {units}/regwatch-nightly.service"]


def test_a_secrets_file_is_read_literally(tmp_path):
    """NAME=value lines, nothing run or expanded: a password with &, $, ; or quotes inside
    stays whole; one pair of surrounding quotes is taken off; a line without = is refused
    naming its number, never its value."""
    from crawler.nightly import read_env_file

    secrets = tmp_path / "env"
    secrets.write_text("# mail\n\nREGWATCH_SMTP_PASSWORD=Tr0ub4dor&3;$HOME `id`\n"
                       "export OTHER='s3 cret'\nQUOTED=\"a\"b\"\n", encoding="utf-8")
    assert read_env_file(secrets) == {"REGWATCH_SMTP_PASSWORD": "Tr0ub4dor&3;$HOME `id`",
                                      "OTHER": "s3 cret", "QUOTED": 'a"b'}
    assert read_env_file(tmp_path / "none") == {}
    secrets.write_text("REGWATCH_SMTP_PASSWORD=x\nhunter2\n", encoding="utf-8")
    with pytest.raises(click.ClickException, match="line 2: expected NAME=value") as refused:
        read_env_file(secrets)
    assert "hunter2" not in refused.value.format_message()


def test_cron_block_replaces_only_its_own_lines(tmp_path):
    block = cron_line(tmp_path, "02:30", "Europe/Berlin")
    assert block.splitlines()[0] == BEGIN and block.splitlines()[-1] == END
    # hourly (a cron ignoring CRON_TZ ran "30 2 * * *" at 02:30 in the machine's zone): nightly
    # itself starts the night in the hour from 02:30 in Berlin
    assert "\n30 * * * * cd " in block and " nightly --at 02:30 --timezone Europe/Berlin " in block
    assert "CRON_TZ=Europe/Berlin" in block  # cronie honours it: the minute is then exact
    crontab = f"MAILTO=me\n0 1 * * * backup\n{cron_line(tmp_path, '01:00', 'UTC')}\n5 5 * * * x"
    assert without_block(crontab) == ["MAILTO=me", "0 1 * * * backup", "5 5 * * * x"]


def utc(text: str) -> datetime:
    return datetime.fromisoformat(text).replace(tzinfo=UTC)


def test_the_hourly_job_starts_the_night_in_the_hour_from_the_time_in_its_zone():
    """The cron line runs `nightly --at 02:30 --timezone ZONE` every hour, at minute 30 of the
    hour cron reads (CRON_TZ's with cronie, the machine's with Debian's cron, here UTC): the night
    starts in the hour from 02:30 there, never before, across DST and half-hour zones."""
    berlin = "Europe/Berlin"
    assert due("02:30", berlin, utc("2025-01-15 01:30:02"))  # CET: 02:30 is 01:30 UTC
    assert due("02:30", berlin, utc("2025-01-15 01:29:58"))  # (a cron a little early)
    assert not due("02:30", berlin, utc("2025-01-15 00:30:02"))
    assert not due("02:30", berlin, utc("2025-01-15 02:30:00"))
    assert due("02:30", berlin, utc("2025-07-15 00:30:02"))  # CEST: 00:30 UTC
    assert not due("02:30", berlin, utc("2025-07-15 01:30:02"))

    def hours(zone, day, minute=30):
        return [h for h in range(24)
                if due("02:30", zone, utc(f"{day} {h:02d}:{minute:02d}:05"))]

    assert hours(berlin, "2025-03-30") == [1]  # no 02:30 that night: at 03:30 CEST
    assert hours(berlin, "2025-10-26") == [0]  # 02:30 twice: the first, 02:30 CEST
    # Kolkata is UTC+5:30, 02:30 there 21:00 UTC the day before: a job at minute 30 of the UTC
    # hour starts it at 03:00 there, one at minute 0 (cronie reading CRON_TZ) right at 02:30
    assert hours("Asia/Kolkata", "2025-01-14") == [21]
    assert hours("Asia/Kolkata", "2025-01-14", minute=0) == [21]
    assert not due("02:30", "Asia/Kolkata", utc("2025-01-14 20:30:05"))  # 02:00 there
    assert due("23:45", "Asia/Kolkata", utc("2025-01-14 18:45:00"))  # 00:15 the next day there


def clock_reads(zone: ZoneInfo, at: str, first: datetime, last: datetime) -> list[datetime]:
    """Each day's first moment the clock in `zone` reads `at` or later (in 15-minute steps: every
    zone's offset and DST change falls on them)."""
    wanted = datetime.strptime(at, "%H:%M").time()
    moments, days, moment = [], set(), first
    while moment < last:
        local = moment.astimezone(zone)
        if local.time() >= wanted and local.date() not in days:
            days.add(local.date())
            moments.append(moment)
        moment += timedelta(minutes=15)
    return moments


def test_an_hourly_job_starts_one_night_a_day_all_year():
    """Run every hour at any minute of the UTC hour for a year of DST changes (Lord Howe's is
    half an hour): one night a day, never before the clock there reads the time, within the hour
    after but the day DST skips the time (then the hour after the hour it skips)."""
    for zone, at in (("Europe/Berlin", "02:30"), ("America/New_York", "01:30"),
                     ("Asia/Kolkata", "23:45"), ("Australia/Lord_Howe", "02:00"),
                     ("Asia/Shanghai", "00:00")):
        first = datetime(2025, 1, 1, tzinfo=UTC)
        reads = clock_reads(ZoneInfo(zone), at, first - timedelta(days=1),
                            first + timedelta(days=366))
        for phase in (0, 15, 30, 45):
            runs = (first + timedelta(hours=h, minutes=phase, seconds=7) for h in range(8760))
            started = [t for t in runs if due(at, zone, t)]
            assert len(started) == 365, (zone, phase)
            late = [t - max(r for r in reads if r <= t) for t in started]
            assert max(late) < timedelta(hours=2), (zone, phase)
            assert sum(d >= timedelta(hours=1) for d in late) <= 1, (zone, phase)


def test_nightly_outside_its_hour_exits_0_at_once_doing_nothing(tmp_path):
    """Not the hour: no output, no log, no archive, no lock; --at and --timezone checked."""
    wanted = (datetime.now(ZoneInfo("Asia/Kolkata")) + timedelta(hours=3)).strftime("%H:%M")
    result = nightly(tmp_path, "--at", wanted, "--timezone", "Asia/Kolkata")
    assert (result.returncode, result.stdout, result.stderr) == (0, "", "")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["regwatch.toml"]
    for args, said in ((["--at", "2:61"], "expected HH:MM"),
                       (["--at", "02:30", "--timezone", "Europe"], "an IANA zone"),
                       (["--timezone", "UTC"], "--timezone goes with --at")):
        refused = nightly(tmp_path, *args)
        assert refused.returncode == 2 and said in refused.stderr, refused.stderr
        assert refused.stderr.strip().count("\n") == 0


def test_schedule_refuses_a_bad_time(tmp_path):
    result = regwatch("schedule", "--cron", "--at", "25:00", cwd=tmp_path)
    assert result.returncode != 0 and "HH:MM" in result.stderr


def test_nightly_mails_each_change_once_and_keeps_the_digest_when_smtp_is_down(tmp_path):
    from test_digest import Server

    port = free_port()
    config = tmp_path / "mail.toml"
    config.write_text(f'[mail]\nsmtp_host = "127.0.0.1"\nsmtp_port = {port}\n'
                      '[[mail.recipients]]\naddress = "analyst@example.org"\n', encoding="utf-8")

    def run(night):
        return regwatch("nightly", "--mirror", str(NIGHTS / night), "--as-of", night,
                        "--config", str(config), "--db", str(tmp_path / "a.db"), cwd=tmp_path)

    server = Server(port).start()
    try:
        assert run("2025-10-09").returncode == 0
        assert run("2025-11-08").returncode == 0
        assert run("2025-11-08").returncode == 0  # the same night again: nothing new to mail
        subjects = [m["Subject"] for m in server.handler.messages]
    finally:
        server.stop()
    assert len(subjects) == 2 and subjects[1].startswith(
        "[regwatch] 2025-11-08: 6 measures suspended")
    down = run("2025-11-10")  # No. 72; the mail server is down
    assert down.returncode == 4, down.stderr
    assert "stays queued" in down.stderr and down.stderr.strip().count("\n") == 0
    server = Server(port).start()
    try:
        assert run("2025-11-10").returncode == 0  # nothing new: the queued digest goes out
        late = list(server.handler.messages)
    finally:
        server.stop()
    assert len(late) == 1 and "partially suspended" in late[0]["Subject"]
    assert "MOFCOM-2024-46" in late[0].get_body(("plain",)).get_content()
    # the server keeps the next digest but its 250 reply is lost: exit 4, and the next night
    # sends it again (same Message-ID) and says so
    from test_digest import LosesTheReply

    lossy = Server(port)
    lossy.handler = LosesTheReply()
    lossy.start()
    try:
        lost = run("2025-11-12")
    finally:
        lossy.stop()
    assert lost.returncode == 4 and len(lossy.messages) == 1
    server = Server(port).start()
    try:
        again = run("2025-11-12")
    finally:
        server.stop()
    assert again.returncode == 0, again.stderr
    assert "digest: 1 sent, 0 pending (1 sent again: delivery not confirmed before)" \
        in again.stdout
    assert [m["Message-ID"] for m in server.handler.messages] == [lossy.messages[0]["Message-ID"]]


class Authenticated:
    """aiosmtpd's authenticator: any login, its password remembered."""

    def __init__(self) -> None:
        self.passwords: list[str] = []

    def __call__(self, server, session, envelope, mechanism, auth_data):
        from aiosmtpd.smtp import AuthResult

        self.passwords.append(auth_data.password.decode())
        return AuthResult(success=True)


def test_the_cron_job_reads_the_password_from_its_file_and_logs_what_mail_did(tmp_path):
    """The cron line run as cron runs it (an empty environment but HOME and PATH): without the
    secrets file mail fails and regwatch.log says so; with it, the password reaches the job."""
    from aiosmtpd.controller import Controller
    from test_digest import Collect

    home, work = tmp_path / "home", tmp_path / "work"
    work.mkdir()
    port = free_port()
    (work / "regwatch.toml").write_text(
        f'mirror = "{NIGHTS / "2025-10-09"}"\nas_of = "2025-10-09"\n'
        f'[mail]\nsmtp_host = "127.0.0.1"\nsmtp_port = {port}\nusername = "regwatch"\n'
        '[[mail.recipients]]\naddress = "analyst@example.org"\n', encoding="utf-8")
    secrets = home / ".config" / "regwatch" / "env"

    def cron_command(at: str) -> str:
        block = cron_line(work, at, "Asia/Kolkata", Path(sys.executable).with_name("regwatch"),
                          secrets)
        return next(line for line in block.splitlines()
                    if line.startswith(f"{int(at[3:])} * * * * ")).split(" * * * * ", 1)[1]

    now = datetime.now(ZoneInfo("Asia/Kolkata"))
    command = cron_command(now.strftime("%H:%M"))  # this hour's run
    cron_env = {"HOME": str(home), "PATH": "/usr/bin:/bin", "PYTHONPATH": str(REPO),
                "TMPDIR": os.environ["TMPDIR"]}
    later = cron_command((now + timedelta(hours=2)).strftime("%H:%M"))
    skipped = subprocess.run(["sh", "-c", later], env=cron_env, capture_output=True, text=True,
                             timeout=300)
    assert (skipped.returncode, skipped.stdout, skipped.stderr) == (0, "", "")  # not its hour
    assert not (work / "regwatch.log").exists()
    authenticator, handler = Authenticated(), Collect()
    server = Controller(handler, hostname="127.0.0.1", port=port,
                        authenticator=authenticator, auth_require_tls=False)
    server.start()
    try:
        first = subprocess.run(["sh", "-c", command], env=cron_env, capture_output=True,
                               text=True, timeout=300)
        assert first.returncode == 4, first.stderr
        assert first.stdout == "" and first.stderr.strip().count("\n") == 0
        log = (work / "regwatch.log").read_text(encoding="utf-8")
        assert "nightly: holding the lock" in log and "run 2025-10-09-001" in log
        assert "digest: 0 sent, 1 pending" in log
        assert "mail not sent, the digest stays queued" in log
        assert "$REGWATCH_SMTP_PASSWORD is empty" in log and "nightly: exit 4" in log

        secrets.parent.mkdir(parents=True)
        secrets.write_text("REGWATCH_SMTP_PASSWORD=s3 cret&x;$HOME\n", encoding="utf-8")
        secrets.chmod(0o600)
        second = subprocess.run(["sh", "-c", command], env=cron_env, capture_output=True,
                                text=True, timeout=300)
        assert second.returncode == 0, second.stderr
    finally:
        server.stop()
    # (read literally: a shell sourcing the file ran "x" and lost the rest after &)
    assert authenticator.passwords == ["s3 cret&x;$HOME"] and len(handler.messages) == 1
    log = (work / "regwatch.log").read_text(encoding="utf-8")
    assert "digest: 1 sent, 0 pending" in log and "nightly: exit 0" in log
    assert "s3 cret" not in log


def test_nights_of_mail_failures_are_one_summary_per_recipient_without_a_change_twice(tmp_path):
    """digest_max_runs = 1, two recipients. Night 1 the server keeps A's digest but its reply is
    lost (B's is never handed over); nights 2 and 3 it is down. Then: A's night-1 digest again,
    same Message-ID, and one summary of nights 2-3; B one summary of the three nights. Every
    change is in exactly one of each recipient's mails."""
    from test_digest import LosesTheReply, Server

    port = free_port()
    config = tmp_path / "mail.toml"
    config.write_text(f'digest_max_runs = 1\n[mail]\nsmtp_host = "127.0.0.1"\n'
                      f'smtp_port = {port}\n[[mail.recipients]]\naddress = "a@example.org"\n'
                      '[[mail.recipients]]\naddress = "b@example.org"\n', encoding="utf-8")
    db = tmp_path / "a.db"

    def run(*args, night=None):
        where = ["--mirror", str(NIGHTS / night), "--as-of", night] if night else []
        return regwatch(*args, *where, "--config", str(config), "--db", str(db), cwd=tmp_path)

    lossy = Server(port)
    lossy.handler = LosesTheReply()
    lossy.start()
    try:
        assert run("nightly", night="2025-10-09").returncode == 4
    finally:
        lossy.stop()
    assert [m["To"] for m in lossy.messages] == ["a@example.org"]
    for night in ("2025-11-08", "2025-11-10"):
        assert run("nightly", night=night).returncode == 4  # nothing listens
    server = Server(port).start()
    try:
        result = run("digest")
    finally:
        server.stop()
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[0] == "digest: 0 queued, 3 sent, 0 pending"
    assert "1 sent again" in result.stdout
    mails = {(m["To"], m["Message-ID"]): m for m in server.messages}
    assert len(mails) == 3 and (
        "a@example.org", lossy.messages[0]["Message-ID"]) in mails  # the same mail again
    summaries = {m["To"]: m for m in server.messages
                 if m["Message-ID"] != lossy.messages[0]["Message-ID"]}
    assert summaries["a@example.org"]["Subject"].startswith("[regwatch] 2025-11-10: ")
    assert "1 earlier runs" in summaries["a@example.org"]["Subject"]
    assert "2 earlier runs" in summaries["b@example.org"]["Subject"]
    text = summaries["b@example.org"].get_body(("plain",)).get_content()
    assert "2025-10-09-001.html" in text and "2025-11-08-001.html" in text

    import sqlite3

    archive = sqlite3.connect(db)
    every = sorted(i for (i,) in archive.execute("select id from changes"))
    rows = archive.execute("select recipient, run_ids, change_ids, sent_at from outbox "
                           "order by id").fetchall()
    archive.close()
    assert all(sent for *_, sent in rows)
    runs = {(to, tuple(json.loads(ids))) for to, ids, _, _ in rows}
    assert runs == {("a@example.org", ("2025-10-09-001",)),
                    ("a@example.org", ("2025-11-08-001", "2025-11-10-001")),
                    ("b@example.org", ("2025-10-09-001", "2025-11-08-001", "2025-11-10-001"))}
    for to in ("a@example.org", "b@example.org"):
        theirs = [c for who, _, ids, _ in rows if who == to for c in json.loads(ids)]
        assert sorted(theirs) == every  # no change lost, none twice


def test_an_address_refused_for_good_fails_each_night_until_it_is_removed(tmp_path):
    """A configured address the server refuses with 550: every nightly exits 4 with one line
    naming it and what to do (also in regwatch.log); once removed from the configuration, its
    queued digests are dropped, said once, and the night exits 0."""
    from test_digest import RefusesOne, Server, write_recipients

    port = free_port()
    config = write_recipients(tmp_path / "mail.toml", port, "analyst@example.org",
                              "gone@example.org")

    def run(night):
        return regwatch("nightly", "--mirror", str(NIGHTS / night), "--as-of", night,
                        "--config", str(config), "--db", str(tmp_path / "a.db"), cwd=tmp_path)

    server = Server(port)
    server.handler = RefusesOne("gone@example.org")
    server.start()
    try:
        first, second = run("2025-10-09"), run("2025-11-08")
        write_recipients(config, port, "analyst@example.org")
        third, fourth = run("2025-11-10"), run("2025-11-10")
    finally:
        server.stop()
    for night in (first, second):
        assert night.returncode == 4, night.stderr
        assert night.stderr.strip().count("\n") == 0
        assert "refuses gone@example.org (550 5.1.1 No such user) for good" in night.stderr
        assert "remove it from [[mail.recipients]]" in night.stderr
    assert third.returncode == 0, third.stderr
    assert ("digest: not sent: gone@example.org is no longer a recipient (2 queued digests "
            "dropped)") in third.stdout
    assert fourth.returncode == 0 and "no longer a recipient" not in fourth.stdout
    assert [m["To"] for m in server.handler.messages] == ["analyst@example.org"] * 3
    log = "".join(p.read_text(encoding="utf-8") for p in tmp_path.glob("regwatch.log*"))
    assert log.count("refuses gone@example.org") == 2 and "nightly: exit 4" in log
    assert log.count("gone@example.org is no longer a recipient") == 1


def test_strict_names_the_failed_source_on_stderr(tmp_path):
    """--strict's exit 5 says why in one line on stderr (the line cron mails: the summary on
    stdout is dropped), naming the sources that failed."""
    assert nightly(tmp_path, "--no-mail").returncode == 0
    result = nightly(tmp_path, "--strict", "--no-mail", night="2025-11-12")  # MOFCOM is down
    assert result.returncode == 5, result.stdout
    [line] = result.stderr.strip().splitlines()
    assert line == "regwatch: a source failed (mofcom): exit 5 (--strict)", line
    assert line in (tmp_path / "regwatch.log").read_text(encoding="utf-8")


def test_the_log_file_keeps_to_log_level_and_always_has_the_nights_own_lines(tmp_path):
    """Scrapy sets its loggers to DEBUG: the file took 500 DEBUG lines a night whatever
    log_level said, and its rotation kept a few nights. At the default INFO no DEBUG line; at
    WARNING no INFO line of Scrapy's either, while the night's summary and exit stay."""
    assert nightly(tmp_path, night="2025-10-09").returncode == 0
    log = (tmp_path / "regwatch.log").read_text(encoding="utf-8")
    assert " DEBUG: " not in log and "Spider closed" in log and "nightly: exit 0" in log
    quiet = tmp_path / "quiet"
    quiet.mkdir()
    (quiet / "regwatch.toml").write_text('log_level = "WARNING"\n', encoding="utf-8")
    result = regwatch("nightly", "--mirror", str(NIGHTS / "2025-10-09"), "--as-of",
                      "2025-10-09", "--db", str(quiet / "a.db"), cwd=quiet)
    assert result.returncode == 0, result.stderr
    log = (quiet / "regwatch.log").read_text(encoding="utf-8")
    assert " DEBUG: " not in log and "Spider closed" not in log
    assert "run 2025-10-09-001" in log and "nightly: exit 0 (done)" in log


def test_schedule_runs_the_job_with_the_configuration_named(tmp_path):
    """--config (or $REGWATCH_CONFIG, which a scheduled job would not see) goes into the job's
    command line; a missing file is refused in one line; no configuration at all is warned of
    (the job would run on the defaults, mailing nobody)."""
    env = {**os.environ, "HOME": str(tmp_path)}
    env.pop("REGWATCH_CONFIG", None)
    work, conf = tmp_path / "work", tmp_path / "etc" / "regwatch.toml"
    work.mkdir()
    conf.parent.mkdir()
    conf.write_text("", encoding="utf-8")

    def schedule(*args, **extra):
        return regwatch("schedule", "--cron", *args, "--workdir", str(work), cwd=work,
                        env={**env, **extra})

    named = schedule("--config", str(conf))
    assert named.returncode == 0 and f"--config {conf} >/dev/null" in named.stdout
    assert "warning" not in named.stderr
    carried = schedule(REGWATCH_CONFIG=str(conf))
    assert f"--config {conf} >/dev/null" in carried.stdout
    missing = schedule("--config", str(tmp_path / "none.toml"))
    assert missing.returncode == 1 and missing.stderr.strip() == (
        f"Error: --config {tmp_path / 'none.toml'}: no such file")
    bare = schedule()
    assert bare.returncode == 0 and "--config" not in bare.stdout
    assert f"warning: no regwatch.toml in {work} and no --config" in bare.stderr
    units = regwatch("schedule", "--systemd", "--config", str(conf), "--workdir", str(work),
                     cwd=work, env=env)
    assert f"nightly --config {conf}" in units.stdout
