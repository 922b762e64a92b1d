"""regwatch nightly (lock, exit codes, log file) and regwatch schedule (systemd, cron)."""

import json

from conftest import REPO, free_port, regwatch

from crawler.lock import archive_lock
from crawler.nightly import BEGIN, END, cron_line, systemd_units, without_block

NIGHTS = REPO / "demo" / "nights"


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
    assert nightly(tmp_path).returncode == 0  # the lock is free again


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


def test_schedule_install_writes_user_units(tmp_path):
    import os

    env = {**os.environ, "XDG_CONFIG_HOME": str(tmp_path / "config"), "PATH": "/usr/bin:/bin"}
    result = regwatch("schedule", "--systemd", "--at", "3:05", "--install", "--workdir",
                      str(tmp_path), cwd=tmp_path, env=env)
    assert result.returncode == 0, result.stderr
    timer = tmp_path / "config" / "systemd" / "user" / "regwatch-nightly.timer"
    assert "OnCalendar=*-*-* 03:05:00 Asia/Shanghai" in timer.read_text(encoding="utf-8")


def test_cron_block_replaces_only_its_own_lines(tmp_path):
    block = cron_line(tmp_path, "02:30", "Europe/Berlin")
    assert block.splitlines()[0] == BEGIN and block.splitlines()[-1] == END
    assert "30 2 * * * cd " in block and "CRON_TZ=Europe/Berlin" in block
    crontab = f"MAILTO=me\n0 1 * * * backup\n{cron_line(tmp_path, '01:00', 'UTC')}\n5 5 * * * x"
    assert without_block(crontab) == ["MAILTO=me", "0 1 * * * backup", "5 5 * * * x"]


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
