"""Is the diary in a folder that a sync client or a network share manages?

Sync clients (OneDrive, Dropbox, Google Drive, iCloud, ...) copy a database file while it is
being written and may bring back an old copy; network file systems (SMB/CIFS, NFS, SSHFS) do not
honour SQLite's locks reliably. Either can corrupt a diary, so the user is warned and offered to
move it. Detection is by well-known folder names and, on Linux, by the file system type of the
mount the file lives on (``/proc/mounts``).
"""

from __future__ import annotations

from pathlib import Path, PurePath

# Folder names sync clients create, compared case-insensitively with each part of the path.
_SYNC_FOLDERS = {
    "onedrive": "OneDrive",
    "dropbox": "Dropbox",
    "google drive": "Google Drive",
    "googledrive": "Google Drive",
    "my drive": "Google Drive",
    "icloud drive": "iCloud",
    "iclouddrive": "iCloud",
    "mobile documents": "iCloud",
    "com~apple~clouddocs": "iCloud",
    "nextcloud": "Nextcloud",
    "owncloud": "ownCloud",
    "pcloud drive": "pCloud",
    "box sync": "Box",
    "mega": "MEGA",
}
_PREFIXES = {"onedrive - ": "OneDrive", "dropbox (": "Dropbox", "googledrive-": "Google Drive"}
_NETWORK_FS = {
    "cifs": "SMB",
    "smb3": "SMB",
    "smbfs": "SMB",
    "nfs": "NFS",
    "nfs4": "NFS",
    "fuse.sshfs": "SSHFS",
    "afs": "AFS",
    "9p": "9P",
    "fuse.rclone": "rclone",
    "davfs": "WebDAV",
}


def sync_service(path: PurePath) -> str | None:
    """The sync client whose folder holds ``path`` (by folder name), or None."""
    for part in path.parts[:-1]:
        lower = part.lower()
        if lower in _SYNC_FOLDERS:
            return _SYNC_FOLDERS[lower]
        for prefix, name in _PREFIXES.items():
            if lower.startswith(prefix):
                return name
    return None


def _unescape(field: str) -> str:
    # /proc/mounts writes spaces and tabs in mount points as octal escapes.
    return field.replace("\\040", " ").replace("\\011", "\t").replace("\\134", "\\")


def network_filesystem(path: PurePath, mounts: str) -> str | None:
    """The network file system (from ``/proc/mounts`` text) that holds ``path``, or None."""
    best: tuple[int, str] | None = None
    for line in mounts.splitlines():
        fields = line.split()
        if len(fields) < 3:
            continue
        point, fstype = PurePath(_unescape(fields[1])), fields[2]
        if path == point or point in path.parents:
            depth = len(point.parts)
            if best is None or depth > best[0]:
                best = (depth, fstype)
    if best is None:
        return None
    return _NETWORK_FS.get(best[1])


def risky_location(path: Path) -> str | None:
    """Names what makes the diary's folder risky ("OneDrive", "NFS", ...), or None."""
    resolved = path.expanduser().absolute()
    if str(resolved).startswith("\\\\"):  # a Windows UNC path: \\server\share\...
        return "SMB"
    service = sync_service(resolved)
    if service:
        return service
    try:
        mounts = Path("/proc/mounts").read_text("utf-8")
    except OSError:
        return None
    return network_filesystem(resolved, mounts)
