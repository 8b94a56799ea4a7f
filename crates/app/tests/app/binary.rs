//! The app's binary: it links the webview (so the command line's check
//! that `kioku` links none can fail), and refuses what it does not know.

use std::process::Command;

#[cfg(target_os = "linux")]
#[test]
fn the_app_binary_links_the_webview() {
    let Ok(out) = Command::new("ldd")
        .arg(env!("CARGO_BIN_EXE_kioku-app"))
        .output()
    else {
        eprintln!("note: no ldd here; the linked libraries are not checked");
        return;
    };
    let libs = String::from_utf8_lossy(&out.stdout);
    assert!(libs.contains("webkit"), "{libs}");
}

#[test]
fn the_app_binary_answers_version_and_refuses_a_command() {
    let out = Command::new(env!("CARGO_BIN_EXE_kioku-app"))
        .arg("--version")
        .output()
        .unwrap();
    assert!(out.status.success());
    assert_eq!(
        String::from_utf8_lossy(&out.stdout),
        format!("kioku-app {}\n", env!("CARGO_PKG_VERSION"))
    );
    let out = Command::new(env!("CARGO_BIN_EXE_kioku-app"))
        .arg("study")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        String::from_utf8_lossy(&out.stderr),
        "error: unexpected argument study\nusage: kioku-app [--data-dir DIR]\n"
    );
}
