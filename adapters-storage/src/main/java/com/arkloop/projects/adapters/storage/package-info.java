/**
 * Blob stores: {@link com.arkloop.projects.adapters.storage.FileSystemBlobStore} under a data
 * directory, and the JSON form of manifests that every store writes.
 */
package com.arkloop.projects.adapters.storage;
