import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsNotEmpty, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';

export const DEFAULT_PLANNED_BEDS = 4;
export const DEFAULT_EMERGENCY_BEDS = 2;

export class OpenHubRequest {
  @ApiProperty({ example: 'Scarborough Hub', maxLength: 120 })
  @IsString()
  @IsNotEmpty()
  @MaxLength(120)
  name!: string;

  @ApiProperty({ example: 'Example County Council', maxLength: 120 })
  @IsString()
  @IsNotEmpty()
  @MaxLength(120)
  council!: string;

  @ApiPropertyOptional({ example: 4, minimum: 0, maximum: 50, default: 4 })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(50)
  plannedBeds?: number;

  @ApiPropertyOptional({ example: 2, minimum: 0, maximum: 50, default: 2 })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(50)
  emergencyBeds?: number;
}

export class HubOpenedResponse {
  @ApiProperty({ format: 'uuid' }) hubId!: string;
  @ApiProperty({ description: 'Log position of the write; pass as ?after= to read it back' })
  position!: number;
}
