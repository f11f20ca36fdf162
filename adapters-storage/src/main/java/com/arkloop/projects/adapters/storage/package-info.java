/**
 * Blob stores: {@link com.arkloop.projects.adapters.storage.FileSystemBlobStore} under a data
 * directory, {@link com.arkloop.projects.adapters.storage.S3BlobStore} in an S3-compatible bucket for
 * stateless server instances, and the JSON form of manifests that every store writes.
 */
package com.arkloop.projects.adapters.storage;
