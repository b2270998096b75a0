"""The store stage: the only stage that writes. See ``repository.Store``."""

from chronicler.store.records import StoredDocument, StoredDocumentFacts, StoredFailure, StoredRevision
from chronicler.store.repository import Store

__all__ = ["Store", "StoredDocument", "StoredDocumentFacts", "StoredFailure", "StoredRevision"]
