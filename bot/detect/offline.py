"""Keep detection offline: Presidio's email recognizer must not fetch the public suffix list.

`presidio_analyzer`'s `EmailRecognizer.validate_result` calls `tldextract.extract`, whose default
extractor first looks for a cached suffix list under the user's cache directory, then downloads
it from publicsuffix.org, and only then falls back to the snapshot bundled in the wheel. In a
hospital network that download hangs or fails, and the cache write needs a writable home. We
swap the module-level extractor for one with no URLs and no cache directory, so the bundled
snapshot is the only source: same answers, no network, no files written.
"""

from __future__ import annotations

import threading

import tldextract
import tldextract.tldextract as _tld_module

_lock = threading.Lock()
_offline_extractor: tldextract.TLDExtract | None = None


def use_bundled_suffix_list() -> tldextract.TLDExtract:
    """Make `tldextract.extract` use the bundled public suffix snapshot; idempotent.

    Returns the extractor in use. The snapshot is parsed here, once, so the first scan pays
    nothing and any failure shows at start-up rather than mid-message.
    """
    global _offline_extractor
    with _lock:
        if _offline_extractor is None or _tld_module.TLD_EXTRACTOR is not _offline_extractor:
            extractor = _offline_extractor or tldextract.TLDExtract(
                cache_dir=None, suffix_list_urls=(), fallback_to_snapshot=True
            )
            extractor("warm-up.example.org")  # loads and memoises the snapshot
            _tld_module.TLD_EXTRACTOR = extractor
            _offline_extractor = extractor
        return _offline_extractor
