"""PeerDesk: offline records for coordinators of peer support schemes."""

__version__ = "0.1.0"
APP_NAME = "PeerDesk"
