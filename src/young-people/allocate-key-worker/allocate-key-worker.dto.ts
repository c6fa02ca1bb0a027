import { ApiProperty } from '@nestjs/swagger';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsNotEmpty, IsOptional, IsString, Matches, MaxLength } from 'class-validator';

export class AllocateKeyWorkerRequest {
  @ApiProperty({ example: 'worker-017', description: 'The worker’s user id', maxLength: 100 })
  @IsString()
  @Matches(/^[A-Za-z0-9._@-]{1,100}$/, {
    message: 'workerId must be 1 to 100 letters, digits or . _ @ -',
  })
  workerId!: string;

  @ApiProperty({ example: 'Robin Keyworker', maxLength: 120 })
  @IsString()
  @IsNotEmpty()
  @MaxLength(120)
  workerName!: string;

  @ApiPropertyOptional({
    description: 'Why the key worker changes (required for a change)',
    maxLength: 2000,
  })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  reason?: string;

  @ApiPropertyOptional({ description: 'Allocate past the caseload limit (needs overrideReason)' })
  @IsOptional()
  @IsBoolean()
  override?: boolean;

  @ApiPropertyOptional({ maxLength: 2000 })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  overrideReason?: string;
}
