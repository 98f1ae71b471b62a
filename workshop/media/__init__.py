"""Pictures: photos and drawings from tablets, QR codes, printable idea cards."""
