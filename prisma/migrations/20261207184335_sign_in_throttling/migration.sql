-- AlterTable
ALTER TABLE "LoginAttempt" ADD COLUMN     "clearedAt" TIMESTAMP(3),
ADD COLUMN     "deviceId" UUID;

-- CreateTable
CREATE TABLE "KnownDevice" (
    "id" UUID NOT NULL,
    "tokenHash" VARCHAR(64) NOT NULL,
    "staffId" UUID NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastUsedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "KnownDevice_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "KnownDevice_tokenHash_key" ON "KnownDevice"("tokenHash");

-- CreateIndex
CREATE INDEX "KnownDevice_staffId_idx" ON "KnownDevice"("staffId");

-- CreateIndex
CREATE INDEX "KnownDevice_lastUsedAt_idx" ON "KnownDevice"("lastUsedAt");

-- CreateIndex
CREATE INDEX "LoginAttempt_deviceId_createdAt_idx" ON "LoginAttempt"("deviceId", "createdAt");

-- AddForeignKey
ALTER TABLE "KnownDevice" ADD CONSTRAINT "KnownDevice_staffId_fkey" FOREIGN KEY ("staffId") REFERENCES "Staff"("id") ON DELETE CASCADE ON UPDATE CASCADE;
