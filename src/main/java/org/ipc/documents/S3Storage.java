package org.ipc.documents;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * Documents as objects in an S3-compatible store (MinIO, Ceph RGW, AWS S3), shared by every replica. Uploads are
 * streamed from the upload's file on disk, its SHA-256 checked again and its MD5 sent along for the store to verify;
 * downloads stream the object's body. One object per document, named by its storage key.
 */
final class S3Storage implements DocumentStorage {

    private final S3Client s3;
    private final String bucket;

    S3Storage(S3Client s3, String bucket) {
        this.s3 = s3;
        this.bucket = bucket;
    }

    /** A client for these settings, already checked ({@link StorageSettings#s3}). */
    static S3Client client(StorageSettings.S3Settings settings) {
        return S3Client.builder()
                .endpointOverride(settings.endpoint())
                .region(Region.of(settings.region()))
                .credentialsProvider(StaticCredentialsProvider.create(
                        AwsBasicCredentials.create(settings.accessKeyId(), settings.secretAccessKey())))
                .forcePathStyle(settings.pathStyle())
                // the JDK's HttpURLConnection streams a body of known length; no Netty or Apache client to carry
                .httpClient(UrlConnectionHttpClient.builder().connectionTimeout(Duration.ofSeconds(5))
                        .socketTimeout(Duration.ofMinutes(2)).build())
                // we send Content-MD5 ourselves; no CRC trailers, which not every S3-compatible server parses
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
                .build();
    }

    @Override
    public String store(InputStream content, long size) throws IOException {
        String key = UUID.randomUUID().toString();
        // the SDK keeps up to 128 KB of the stream for a retry; uploads use the file variant below
        put(key, RequestBody.fromInputStream(content, size), null);
        return key;
    }

    @Override
    public String store(Path file, long size, String sha256) throws IOException {
        // One pass over the file proves it is what was checked (SHA-256) and gives the MD5 the store verifies the
        // received bytes against (Content-MD5, which every S3 server checks; x-amz-checksum-sha256 is answered
        // with 501 by some, S3Proxy among them). Together: the stored object is the checked content.
        Checksums.Both digests = Checksums.both(file);
        if (!digests.sha256().equalsIgnoreCase(sha256)) {
            throw new ChecksumMismatchException(sha256, digests.sha256());
        }
        String key = UUID.randomUUID().toString();
        put(key, RequestBody.fromFile(file), digests.md5Base64());
        return key;
    }

    /** One PUT; with {@code md5Base64} the store refuses bytes that are not those (HTTP 400 BadDigest). */
    void put(String key, RequestBody body, String md5Base64) throws IOException {
        PutObjectRequest.Builder request = PutObjectRequest.builder().bucket(bucket).key(key)
                .contentType("application/octet-stream");
        if (md5Base64 != null) {
            request.contentMD5(md5Base64);
        }
        try {
            s3.putObject(request.build(), body);
        } catch (S3Exception e) {
            String code = e.awsErrorDetails() == null ? null : e.awsErrorDetails().errorCode();
            if ("BadDigest".equals(code) || "InvalidDigest".equals(code)) {
                throw new ChecksumMismatchException("MD5 " + md5Base64, "another (the object store refused the bytes)");
            }
            throw new IOException("the object store refused document content: " + describe(e), e);
        } catch (SdkException e) {
            throw new IOException("the object store could not be reached: " + e.getClass().getSimpleName(), e);
        }
    }

    @Override
    public InputStream open(String key) throws IOException {
        try {
            return s3.getObject(b -> b.bucket(bucket).key(key));
        } catch (NoSuchKeyException e) {
            throw new IOException("no content stored under " + key, e);
        } catch (SdkException e) {
            throw new IOException("the object store could not serve " + key + ": " + e.getClass().getSimpleName(), e);
        }
    }

    @Override
    public void delete(String key) throws IOException {
        try {
            s3.deleteObject(b -> b.bucket(bucket).key(key));
        } catch (SdkException e) {
            throw new IOException("the object store could not delete " + key + ": " + e.getClass().getSimpleName(), e);
        }
    }

    private static String describe(S3Exception e) {
        return e.statusCode() + (e.awsErrorDetails() == null ? "" : " " + e.awsErrorDetails().errorCode());
    }
}
