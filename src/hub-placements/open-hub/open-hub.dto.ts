import { ApiProperty } from '@nestjs/swagger';
import { IsInt, IsNotEmpty, IsString, Max, MaxLength, Min } from 'class-validator';

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

  @ApiProperty({ example: 4, minimum: 0, maximum: 50 })
  @IsInt()
  @Min(0)
  @Max(50)
  plannedBeds!: number;

  @ApiProperty({ example: 2, minimum: 0, maximum: 50 })
  @IsInt()
  @Min(0)
  @Max(50)
  emergencyBeds!: number;
}

export class HubOpenedResponse {
  @ApiProperty({ format: 'uuid' }) hubId!: string;
  @ApiProperty({ description: 'Log position of the write; pass as ?after= to read it back' })
  position!: number;
}
